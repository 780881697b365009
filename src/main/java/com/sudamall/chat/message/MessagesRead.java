package com.sudamall.chat.message;

import java.util.UUID;

/**
 * A participant's read cursor moved forward.
 *
 * @param roomId the room
 * @param userId the reader
 * @param upToSeq every message up to this seq is read
 */
public record MessagesRead(UUID roomId, String userId, long upToSeq) {}
