package com.sudamall.chat.room;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A participant of a room and their read cursor.
 *
 * @param roomId the room
 * @param userId the participant
 * @param joinedAt when they joined
 * @param lastReadSeq every message up to this seq has been read by them
 * @param lastReadAt when the read cursor last moved
 * @param muted no alerts for this room
 */
public record Member(
        UUID roomId,
        String userId,
        Instant joinedAt,
        long lastReadSeq,
        @Nullable Instant lastReadAt,
        boolean muted) {}
