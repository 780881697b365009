package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.MessageHistory;
import com.sudamall.chat.message.MessagesDelivered;
import com.sudamall.chat.message.MessagesRead;
import com.sudamall.chat.message.Receipts;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.AfterCommit;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The ticks' frames: where a member's read and delivery cursors moved, told to the room, after commit. */
@Component
class ReceiptFanout {

    private final RoomFanout fanout;
    private final UserService users;
    private final RoomAccess access;
    private final MessageHistory history;
    private final Receipts receipts;

    ReceiptFanout(RoomFanout fanout, UserService users, RoomAccess access, MessageHistory history, Receipts receipts) {
        this.fanout = fanout;
        this.users = users;
        this.access = access;
        this.history = history;
        this.receipts = receipts;
    }

    @EventListener
    void on(MessagesRead event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(MessagesRead event) {
        User reader = users.cards(List.of(event.userId())).get(event.userId());
        Room room = access.require(event.roomId());
        long shared = receipts.sharedSeq(room, event.userId(), event.upToSeq());
        if (reader != null && shared > 0) {
            fanout.toRoom(event.roomId(), new OutboundFrame.Read(event.roomId(), reader, shared), null);
        }
        fanout.toUser(
                event.userId(),
                new OutboundFrame.Unread(
                        event.roomId(), history.unreadBetween(room, event.userId(), event.upToSeq(), room.lastSeq())));
    }

    /** From the node's room cache; a node that has not cached the room asks the database. */
    private int participants(Room room) {
        int cached = access.memberIds(room.id()).size();
        return cached > 0 ? cached : access.members(room.id()).size();
    }

    @EventListener
    void on(MessagesDelivered event) {
        AfterCommit.run(() -> deliver(event));
    }

    /**
     * Told where there is one other side to tell it to: a room of two, or a conversation (the customer and the team).
     * In a group ✓✓ waits for every other member, which history says; a frame per member and second to every socket
     * of a big room would cost it far more than it tells. In a conversation a cursor that stops on a note is not
     * told (the customer would learn that a note was written); its next stop on a message the customer sees is.
     */
    private void deliver(MessagesDelivered event) {
        Room room = access.require(event.roomId());
        if (!room.type().isConversation() && participants(room) > 2) {
            return;
        }
        long shared = receipts.sharedSeq(room, event.userId(), event.upToSeq());
        User member = users.cards(List.of(event.userId())).get(event.userId());
        if (member != null && shared == event.upToSeq()) {
            // the others' ticks: the member's own clients have nothing to show for it
            fanout.toRoom(event.roomId(), new OutboundFrame.Delivered(event.roomId(), member, shared), member.id());
        }
    }
}
