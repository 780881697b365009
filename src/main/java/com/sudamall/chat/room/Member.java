package com.sudamall.chat.room;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A participant of a room and their read and delivery cursors.
 *
 * @param roomId the room
 * @param userId the participant
 * @param joinedAt when they joined
 * @param lastReadSeq every message up to this seq has been read by them
 * @param lastReadAt when the read cursor last moved
 * @param muted no alerts for this room
 * @param lastDeliveredSeq every message up to this seq has been sent to one of their devices
 */
public record Member(
        UUID roomId,
        String userId,
        Instant joinedAt,
        long lastReadSeq,
        @Nullable Instant lastReadAt,
        boolean muted,
        long lastDeliveredSeq) {

    /** Up to where their devices have the messages: what they have read, they have been sent. */
    public long deliveredSeq() {
        return Math.max(lastDeliveredSeq, lastReadSeq);
    }
}
