package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageDeleted;
import com.sudamall.chat.message.MessageEdited;
import com.sudamall.chat.message.MessageHistory;
import com.sudamall.chat.message.MessagePreviewed;
import com.sudamall.chat.message.MessageReacted;
import com.sudamall.chat.message.MessageSent;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.notification.NotificationCreated;
import com.sudamall.chat.room.Conduct;
import com.sudamall.chat.room.ConductChanged;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomChanged;
import com.sudamall.chat.web.AfterCommit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns committed events into frames: each event is serialized once, published to the bus, and written as the same
 * text to every local socket on its channel. Listens after commit, so no socket sees what was rolled back.
 */
@Component
class RoomFanout {

    private final EventBus bus;
    private final SessionRegistry sessions;
    private final FrameCodec codec;
    private final UserService users;
    private final OrderedDelivery ordered;
    private final RoomAccess access;
    private final RealtimeProperties properties;
    private final MembershipSync membership;
    private final RealtimeMetrics metrics;
    private final Conduct conduct;
    private final MessageHistory history;

    RoomFanout(
            EventBus bus,
            SessionRegistry sessions,
            FrameCodec codec,
            UserService users,
            OrderedDelivery ordered,
            RoomAccess access,
            RealtimeProperties properties,
            MembershipSync membership,
            RealtimeMetrics metrics,
            Conduct conduct,
            MessageHistory history) {
        this.bus = bus;
        this.sessions = sessions;
        this.codec = codec;
        this.users = users;
        this.ordered = ordered;
        this.access = access;
        this.properties = properties;
        this.membership = membership;
        this.metrics = metrics;
        this.conduct = conduct;
        this.history = history;
        bus.onEvent(this::deliver);
    }

    /** Sends a frame to every socket in the room, on every node, except those of {@code skipUserId}. */
    void toRoom(UUID roomId, OutboundFrame frame, @Nullable String skipUserId) {
        bus.publish(new BusEvent(Channel.room(roomId), codec.encode(frame), skipUserId, 0));
    }

    /** Sends a frame to the user's multiplexed sockets, on every node. */
    void toUser(String userId, OutboundFrame frame) {
        bus.publish(new BusEvent(Channel.user(userId), codec.encode(frame), null, 0));
    }

    private void deliver(BusEvent event) {
        UUID changed = event.changedRoom();
        if (changed != null) {
            access.forget(changed);
            return;
        }
        String changedConduct = event.changedConduct();
        if (changedConduct != null) {
            conduct.forget(changedConduct);
            return;
        }
        if (event.membership() != null) {
            membership.apply(event.membership());
            return;
        }
        UUID roomId = event.seq() > 0 ? event.channel().roomId() : null;
        for (SocketSession session : sessions.on(event.channel())) {
            if (session.user().id().equals(event.skipUserId())) {
                if (roomId != null) {
                    // a note, kept from the customer: their sockets pass over its seq as if they had been sent it
                    ordered.pass(session, roomId, event.seq());
                }
                continue;
            }
            if (roomId != null) {
                ordered.deliver(session, roomId, event.seq(), event.frame());
            } else {
                session.send(event.frame());
            }
        }
        if (roomId != null) {
            metrics.fannedOut(event);
        }
    }

    /** The message to the room, and to each other participant of a small room their new unread count. */
    @EventListener
    void on(MessageSent event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(MessageSent event) {
        Message message = event.message();
        OutboundFrame frame = new OutboundFrame.MessageFrame(event.roomId(), message);
        if (message.seq() == null) {
            // held for approval: its sender and the room's moderator see it; the room when it is approved
            Stream.of(
                            message.sender() == null ? null : message.sender().id(),
                            event.room().moderatorId())
                    .filter(Objects::nonNull)
                    .distinct()
                    .forEach(userId -> toUser(userId, frame));
            return;
        }
        String hiddenFrom = hiddenFrom(event.room(), message);
        bus.publish(new BusEvent(Channel.room(event.roomId()), codec.encode(frame), hiddenFrom, message.seq()));
        List<Member> members = event.members();
        if (members.size() > properties.largeRoomSize()) {
            return;
        }
        String senderId = message.sender() == null ? null : message.sender().id();
        members.stream()
                .filter(member ->
                        !member.userId().equals(senderId) && !member.userId().equals(hiddenFrom))
                .forEach(member -> toUser(
                        member.userId(),
                        new OutboundFrame.Unread(
                                event.roomId(),
                                history.unreadBetween(
                                        event.room(), member.userId(), member.lastReadSeq(), message.seq()))));
    }

    /** The customer of the conversation, for a note of its team; else null (everyone in the room gets it). */
    private static @Nullable String hiddenFrom(Room room, Message message) {
        return message.messageType() == MessageType.NOTE ? room.customerId() : null;
    }

    @EventListener
    void on(RoomChanged event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(RoomChanged event) {
        bus.publish(BusEvent.roomChanged(event.roomId()));
    }

    @EventListener
    void on(ConductChanged event) {
        AfterCommit.run(() -> bus.publish(BusEvent.conductChanged(event.userId())));
    }

    /** Every node hears of every room and conduct change, whether or not it has sockets for them. */
    @EventListener(ApplicationReadyEvent.class)
    void listenForChanges() {
        bus.subscribe(List.of(Channel.ROOM_CHANGES, Channel.CONDUCT_CHANGES));
    }

    @EventListener
    void on(MessageEdited event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(MessageEdited event) {
        UUID roomId = event.message().roomId();
        toRoom(roomId, new OutboundFrame.MessageEdited(roomId, event.message()), hiddenFromIfNote(event.message()));
    }

    @EventListener
    void on(MessagePreviewed event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(MessagePreviewed event) {
        UUID roomId = event.message().roomId();
        toRoom(roomId, new OutboundFrame.PreviewFrame(roomId, event.message()), hiddenFromIfNote(event.message()));
    }

    private @Nullable String hiddenFromIfNote(Message message) {
        return message.messageType() == MessageType.NOTE ? hiddenFrom(access.require(message.roomId()), message) : null;
    }

    @EventListener
    void on(MessageReacted event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(MessageReacted event) {
        User reactor = users.cards(List.of(event.userId())).get(event.userId());
        if (reactor != null) {
            toRoom(
                    event.roomId(),
                    new OutboundFrame.ReactionFrame(
                            event.roomId(),
                            event.messageId(),
                            reactor,
                            event.emoji(),
                            event.added(),
                            event.reactions()),
                    null);
        }
    }

    @EventListener
    void on(MessageDeleted event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(MessageDeleted event) {
        if (event.seq() == null) {
            return; // held, never shown to the room: its removal is no news to it
        }
        OutboundFrame.DeletedRef ref = new OutboundFrame.DeletedRef(event.messageId(), event.seq());
        String hiddenFrom = event.isNote() ? access.require(event.roomId()).customerId() : null;
        toRoom(event.roomId(), new OutboundFrame.MessageDeleted(event.roomId(), ref), hiddenFrom);
    }

    @EventListener
    void on(NotificationCreated event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(NotificationCreated event) {
        toUser(event.userId(), new OutboundFrame.NotificationFrame(event.notification()));
    }
}
