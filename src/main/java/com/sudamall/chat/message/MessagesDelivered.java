package com.sudamall.chat.message;

import java.util.UUID;

/**
 * A member's delivery cursor moved: their devices have been sent a room's messages up to a seq (the ✓✓ of the
 * senders' ticks).
 *
 * @param roomId the room
 * @param userId the member
 * @param upToSeq where it stands now
 */
public record MessagesDelivered(UUID roomId, String userId, long upToSeq) {}
