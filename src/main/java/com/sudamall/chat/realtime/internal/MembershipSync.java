package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import com.sudamall.chat.room.MemberJoined;
import com.sudamall.chat.room.MemberLeft;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomCreated;
import com.sudamall.chat.web.AfterCommit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps sockets on the right channels as membership changes, on every node: a user's multiplexed sockets join the
 * rooms they are added to (told on the user's channel, which those sockets are on), and a user removed from a room
 * stops receiving it at once (told on the room's channel; their room sockets close with 4403).
 */
@Component
class MembershipSync {

    private final EventBus bus;
    private final SessionRegistry sessions;
    private final OrderedDelivery ordered;
    private final RoomAccess access;

    MembershipSync(EventBus bus, SessionRegistry sessions, OrderedDelivery ordered, RoomAccess access) {
        this.bus = bus;
        this.sessions = sessions;
        this.ordered = ordered;
        this.access = access;
    }

    @EventListener
    void on(RoomCreated event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(RoomCreated event) {
        event.participantIds()
                .forEach(
                        userId -> bus.publish(BusEvent.membership(Channel.user(userId), event.roomId(), userId, true)));
    }

    @EventListener
    void on(MemberJoined event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(MemberJoined event) {
        bus.publish(BusEvent.membership(Channel.user(event.userId()), event.roomId(), event.userId(), true));
    }

    @EventListener
    void on(MemberLeft event) {
        AfterCommit.run(() -> deliver(event));
    }

    private void deliver(MemberLeft event) {
        bus.publish(BusEvent.membership(Channel.room(event.roomId()), event.roomId(), event.userId(), false));
    }

    /** Applies a membership change from the bus to this node's sockets. */
    void apply(BusEvent.Membership change) {
        if (change.joined()) {
            join(change);
        } else {
            leave(change);
        }
    }

    /** Like a socket opening on a room: live messages from the room's current end, then a catch-up for the race. */
    private void join(BusEvent.Membership change) {
        long lastSeq = access.require(change.roomId()).lastSeq();
        for (SocketSession session : sessions.multiplexedOf(change.userId())) {
            ordered.startAt(session, change.roomId(), lastSeq);
            sessions.add(session, Channel.room(change.roomId()));
            ordered.catchUp(session, change.roomId());
        }
    }

    private void leave(BusEvent.Membership change) {
        Channel room = Channel.room(change.roomId());
        sessions.multiplexedOf(change.userId()).forEach(session -> sessions.remove(session, room));
        sessions.roomSocketsOf(change.userId(), change.roomId())
                .forEach(session -> session.close(CloseCode.FORBIDDEN, "no longer a participant"));
    }
}
