package com.sudamall.chat.room.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.room.ConversationChange;
import com.sudamall.chat.room.Conversations;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomService;
import com.sudamall.chat.room.UpdateRoom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One {@code PATCH rooms/{id}/}: the room's settings and, in a conversation, its status, assignee and labels, in one
 * transaction, so that a refused half leaves the other unapplied. The room's row is changed before the
 * conversation's, in the order the send path takes them.
 */
@Component
class RoomEdits {

    private final RoomService rooms;
    private final RoomAccess access;
    private final Conversations conversations;

    RoomEdits(RoomService rooms, RoomAccess access, Conversations conversations) {
        this.rooms = rooms;
        this.access = access;
        this.conversations = conversations;
    }

    @Transactional
    Room apply(CurrentUser user, UUID roomId, @Nullable UpdateRoom settings, @Nullable ConversationChange change) {
        if (settings == null && change == null) {
            // an empty body: what it always was, a settings change that changes nothing (owners only)
            settings = new UpdateRoom(null, null, null, null);
        }
        Room room = settings != null ? rooms.update(user, roomId, settings) : access.requireVisible(user, roomId);
        if (change != null) {
            conversations.change(user, roomId, change);
        }
        return room;
    }
}
