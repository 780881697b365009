package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.MessageType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code messages}. */
public record MessageRow(
        UUID id,
        UUID roomId,
        @Nullable Long seq,
        @Nullable String senderId,
        MessageType type,
        String content,
        @Nullable String originalContent,
        @Nullable String clientMsgId,
        @Nullable UUID replyTo,
        @Nullable String refType,
        @Nullable String refId,
        @Nullable String refSnapshot,
        @Nullable UUID attachmentId,
        String moderationStatus,
        boolean isFlagged,
        @Nullable String flagReason,
        boolean isEdited,
        boolean isDeleted,
        Instant sentAt,
        @Nullable Instant editedAt) {}
