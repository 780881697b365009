package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import com.sudamall.chat.room.MemberJoined;
import com.sudamall.chat.room.MemberLeft;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomCreated;
import com.sudamall.chat.web.AfterCommit;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(MembershipSync.class);

    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("membership-", 0).factory());

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

    /** Applies a membership change from the bus to this node's sockets; never blocks the bus. */
    void apply(BusEvent.Membership change) {
        if (change.joined()) {
            background.execute(() -> join(change.roomId(), change.userId(), null));
        } else {
            leave(change);
        }
    }

    /**
     * Puts the user's multiplexed sockets on the active rooms they are not on yet: joins told on the bus while this
     * node was cut off from it never arrived.
     */
    void resync(String userId, Collection<SocketSession> sockets) {
        if (sockets.stream().noneMatch(SocketSession::isMultiplexed)) {
            return;
        }
        background.execute(() -> {
            try {
                access.activeRoomsOf(userId).forEach((roomId, lastSeq) -> {
                    if (sockets.stream()
                            .anyMatch(s -> s.isMultiplexed() && !s.channels().contains(Channel.room(roomId)))) {
                        join(roomId, userId, lastSeq);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("rooms of {} not re-synced: {}", userId, e.getMessage());
            }
        });
    }

    /** Like a socket opening on a room: live messages from the room's current end, then a catch-up for the race. */
    private void join(UUID roomId, String userId, @Nullable Long knownLastSeq) {
        try {
            long lastSeq =
                    knownLastSeq != null ? knownLastSeq : access.require(roomId).lastSeq();
            for (SocketSession session : sessions.multiplexedOf(userId)) {
                if (session.channels().contains(Channel.room(roomId))) {
                    continue;
                }
                ordered.startAt(session, roomId, lastSeq);
                sessions.add(session, Channel.room(roomId));
                ordered.catchUp(session, roomId);
            }
        } catch (RuntimeException e) {
            log.warn("sockets of {} not put on room {}: {}", userId, roomId, e.getMessage());
        }
    }

    private void leave(BusEvent.Membership change) {
        Channel room = Channel.room(change.roomId());
        sessions.multiplexedOf(change.userId()).forEach(session -> sessions.remove(session, room));
        sessions.roomSocketsOf(change.userId(), change.roomId())
                .forEach(session -> session.close(CloseCode.FORBIDDEN, "no longer a participant"));
    }
}
