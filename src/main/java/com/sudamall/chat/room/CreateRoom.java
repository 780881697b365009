package com.sudamall.chat.room;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Open a room.
 *
 * @param participantIds the others to add (the caller is always added)
 * @param type room type; private when not given
 * @param storeId the store of a customer-store room
 * @param productId the product the conversation is about
 * @param name display name; the type's default name when not given
 * @param maxParticipants participant limit of a group room
 */
public record CreateRoom(
        List<String> participantIds,
        RoomType type,
        @Nullable String storeId,
        @Nullable String productId,
        @Nullable String name,
        @Nullable Integer maxParticipants) {}
