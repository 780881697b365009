package com.sudamall.chat.room;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Change a conversation; null leaves a field as it is.
 *
 * @param status the new status; {@code snoozedUntil} alone means snoozed
 * @param snoozedUntil until when a snoozed conversation waits
 * @param changesAssignee whether {@code assigneeId} is to be set (null then unassigns)
 * @param assigneeId who of the team handles it
 * @param labels the labels it is to have (all of them)
 */
public record ConversationChange(
        @Nullable ConversationStatus status,
        @Nullable Instant snoozedUntil,
        boolean changesAssignee,
        @Nullable String assigneeId,
        @Nullable List<String> labels) {

    public boolean isEmpty() {
        return status == null && snoozedUntil == null && !changesAssignee && labels == null;
    }
}
