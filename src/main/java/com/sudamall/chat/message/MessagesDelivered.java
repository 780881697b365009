package com.sudamall.chat.message;

import java.util.UUID;

/**
 * A member's devices have been sent a room's messages up to a seq: their delivery cursor moved there (the ✓✓ of the
 * senders' ticks). Also the position a socket or a history page reports before it is written.
 *
 * @param roomId the room
 * @param userId the member
 * @param upToSeq the highest seq sent to them
 */
public record MessagesDelivered(UUID roomId, String userId, long upToSeq) {}
