package com.sudamall.chat.room.internal;

import com.sudamall.chat.identity.User;
import com.sudamall.chat.room.ConversationStatus;
import com.sudamall.chat.room.RoomType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Room object of API.md, as clients receive it. Beyond the contract's fields: {@code title}, what the reader
 * sees the room called ({@link com.sudamall.chat.room.RoomTitles}), and {@code customer}, the customer of a
 * customer_store or customer_support room (the other party, for the store's team or the agents), and {@code unread_mentions}, the
 * unread messages that name the reader (counted in muted rooms too). The store desk's
 * fields ({@code status} to {@code resolved_at}) are null, and {@code labels} empty, in rooms that are not
 * conversations.
 */
record RoomJson(
        UUID roomId,
        String name,
        String title,
        RoomType roomType,
        @Nullable Map<String, String> store,
        @Nullable Map<String, @Nullable Object> product,
        List<User> participants,
        int participantCount,
        int maxParticipants,
        boolean isActive,
        boolean isPrivate,
        boolean allowFileSharing,
        boolean isModerated,
        @Nullable Object lastMessage,
        @Nullable Instant lastMessageAt,
        long unreadCount,
        long unreadMentions,
        boolean isMuted,
        Instant createdAt,
        Instant updatedAt,
        @Nullable User createdBy,
        @Nullable User moderator,
        @Nullable User customer,
        @Nullable ConversationStatus status,
        @Nullable Instant snoozedUntil,
        @Nullable User assignee,
        List<String> labels,
        @Nullable Instant firstResponseAt,
        @Nullable Instant resolvedAt) {}
