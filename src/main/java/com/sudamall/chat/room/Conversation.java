package com.sudamall.chat.room;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer_store or customer_support room as the team's conversation.
 *
 * @param roomId the room
 * @param status where it stands
 * @param snoozedUntil when a snoozed conversation opens again
 * @param assigneeId who of the team handles it
 * @param labels the team's labels, sorted
 * @param firstMessageAt the customer's first message
 * @param firstResponseAt the team's first message after the customer's first
 * @param resolvedAt when it was resolved, while it is
 * @param resolutions how many times it was resolved (a rating is asked for each)
 */
public record Conversation(
        UUID roomId,
        ConversationStatus status,
        @Nullable Instant snoozedUntil,
        @Nullable String assigneeId,
        List<String> labels,
        @Nullable Instant firstMessageAt,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt,
        int resolutions) {

    /** Open again: neither snoozed nor resolved any more. */
    public Conversation reopened() {
        return new Conversation(
                roomId,
                ConversationStatus.OPEN,
                null,
                assigneeId,
                labels,
                firstMessageAt,
                firstResponseAt,
                null,
                resolutions);
    }

    /** With the customer's first message at {@code at}, unless it has one. */
    public Conversation withFirstMessage(Instant at) {
        return new Conversation(
                roomId,
                status,
                snoozedUntil,
                assigneeId,
                labels,
                firstMessageAt != null ? firstMessageAt : at,
                firstResponseAt,
                resolvedAt,
                resolutions);
    }

    /** With these labels. */
    public Conversation withLabels(List<String> labels) {
        return new Conversation(
                roomId,
                status,
                snoozedUntil,
                assigneeId,
                labels,
                firstMessageAt,
                firstResponseAt,
                resolvedAt,
                resolutions);
    }

    /** Handled by {@code assigneeId}. */
    public Conversation withAssignee(String assigneeId) {
        return new Conversation(
                roomId,
                status,
                snoozedUntil,
                assigneeId,
                labels,
                firstMessageAt,
                firstResponseAt,
                resolvedAt,
                resolutions);
    }

    /** With the team's first response at {@code at}. */
    public Conversation withFirstResponse(Instant at) {
        return new Conversation(
                roomId, status, snoozedUntil, assigneeId, labels, firstMessageAt, at, resolvedAt, resolutions);
    }
}
