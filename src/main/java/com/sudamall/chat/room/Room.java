package com.sudamall.chat.room;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored room.
 *
 * @param id public room id ({@code room_id})
 * @param name display name
 * @param type room type
 * @param storeId the store of a customer-store room
 * @param productId the product the conversation is about
 * @param customerId the customer of a customer-store or customer-support room
 * @param isActive false once the last participant left
 * @param isPrivate the seed's privacy flag
 * @param allowFileSharing whether files may be sent
 * @param maxParticipants participant limit
 * @param isModerated whether messages are held for approval
 * @param moderatorId the room's own moderator
 * @param legalHold retention never deletes from rooms under legal hold
 * @param createdBy the creating user; null when the platform created it
 * @param lastSeq seq of the newest message (0 before any)
 * @param lastMessageAt when the newest message was sent
 * @param createdAt creation time
 * @param updatedAt last change of the room itself
 */
public record Room(
        UUID id,
        String name,
        RoomType type,
        @Nullable String storeId,
        @Nullable String productId,
        @Nullable String customerId,
        boolean isActive,
        boolean isPrivate,
        boolean allowFileSharing,
        int maxParticipants,
        boolean isModerated,
        @Nullable String moderatorId,
        boolean legalHold,
        @Nullable String createdBy,
        long lastSeq,
        @Nullable Instant lastMessageAt,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Whether the store desk's internal notes are kept from this user: the conversation's customer. Everyone else in
     * a conversation is of the team that answers it (the doors that add participants see to that).
     */
    public boolean hidesNotesFrom(String userId) {
        return type.isConversation() && userId.equals(customerId);
    }
}
