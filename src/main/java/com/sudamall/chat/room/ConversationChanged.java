package com.sudamall.chat.room;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A conversation's status or assignee changed; published in the transaction that changed it.
 *
 * @param roomId the room
 * @param storeId the room's store (null for a support room)
 * @param fromStatus the status before
 * @param status the status now
 * @param fromAssigneeId the assignee before
 * @param assigneeId the assignee now
 * @param actorId who changed it: a team member, the customer whose message reopened it, or null when the service did
 *     (a snooze ran out)
 * @param at when
 */
public record ConversationChanged(
        UUID roomId,
        @Nullable String storeId,
        ConversationStatus fromStatus,
        ConversationStatus status,
        @Nullable String fromAssigneeId,
        @Nullable String assigneeId,
        @Nullable String actorId,
        Instant at) {

    public boolean statusChanged() {
        return fromStatus != status;
    }

    public boolean assigneeChanged() {
        return !Objects.equals(fromAssigneeId, assigneeId);
    }
}
