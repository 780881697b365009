package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.Outages;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

/**
 * Takes in a socket whose handshake found its user (and room): admission, the user's card, its channels and its
 * position in each room, then {@code user_joined} and presence (which tells the socket who is online and who is
 * typing); and lets it go when it closes.
 */
@Component
class SocketLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketLifecycle.class);
    private static final Duration CARD_PATIENCE = Duration.ofSeconds(10);

    private final UserService users;
    private final RoomAccess access;
    private final SessionRegistry registry;
    private final RoomFanout fanout;
    private final TypingTracker typing;
    private final FrameCodec codec;
    private final OrderedDelivery ordered;
    private final PresenceTracker presence;
    private final RealtimeProperties properties;
    private final RoomAttendance attendance;
    private final SocketAdmission admission;

    SocketLifecycle(
            UserService users,
            RoomAccess access,
            SessionRegistry registry,
            RoomFanout fanout,
            TypingTracker typing,
            FrameCodec codec,
            OrderedDelivery ordered,
            PresenceTracker presence,
            RealtimeProperties properties,
            RoomAttendance attendance,
            SocketAdmission admission) {
        this.users = users;
        this.access = access;
        this.registry = registry;
        this.fanout = fanout;
        this.typing = typing;
        this.codec = codec;
        this.ordered = ordered;
        this.presence = presence;
        this.properties = properties;
        this.attendance = attendance;
        this.admission = admission;
    }

    /** The opened socket, or null when admission refused it (and closed it). */
    @Nullable
    SocketSession open(WebSocketSession raw, SocketHandshake.Opening opening) throws IOException {
        CurrentUser user = opening.user();
        if (!admission.admit(raw, user)) {
            return null;
        }
        User card = cardOf(user);
        UUID roomId = opening.roomId();
        SocketSession session = new SocketSession(raw, user, card, roomId, properties);
        if (roomId == null) {
            openMultiplexed(session, opening.startSeqs());
        } else {
            ordered.open(session, roomId, opening.startSeq(), () -> registry.add(session, Channel.room(roomId)));
            if (attendance.arrive(roomId, user.id())) {
                // once the channel is live here, so the joining socket sees its own arrival too
                registry.whenLive(Channel.room(roomId))
                        .thenRun(() -> fanout.toRoom(roomId, new OutboundFrame.UserJoined(roomId, card), null));
            }
        }
        presence.opened(session, roomId == null ? opening.startSeqs().keySet() : null);
        return session;
    }

    /**
     * The user's card, from what this node remembers of profiles. While the pool is busy (the database answering)
     * it is tried again for a while, then the socket opens with a card of the bare id rather than being closed.
     */
    private User cardOf(CurrentUser user) {
        try {
            User card = Outages.whileBusy(() -> users.cards(List.of(user.id())).get(user.id()), CARD_PATIENCE);
            return card != null ? card : new User(user.id(), user.id(), null);
        } catch (RuntimeException e) {
            if (!Outages.isBusy(e)) {
                throw e;
            }
            Outages.logRefusal(log, "profile of " + user.id() + " for a socket", e);
            return new User(user.id(), user.id(), null);
        }
    }

    /**
     * Puts a multiplexed socket on its user's channel and all their rooms. Rooms whose last seq moved while it was
     * being registered are caught up from the database, so nothing sent during the connect is missed.
     */
    private void openMultiplexed(SocketSession session, Map<UUID, Long> start) {
        String userId = session.user().id();
        List<Channel> channels = new ArrayList<>();
        channels.add(Channel.user(userId));
        start.forEach((roomId, lastSeq) -> {
            ordered.startAt(session, roomId, lastSeq);
            channels.add(Channel.room(roomId));
        });
        registry.addAll(session, channels);
        access.activeRoomsOf(userId).forEach((roomId, lastSeq) -> {
            if (lastSeq > start.getOrDefault(roomId, lastSeq)) {
                ordered.catchUp(session, roomId);
            }
        });
    }

    /** The socket closed; {@code session} is null when it never got that far. */
    void closed(WebSocketSession raw, @Nullable SocketSession session) {
        admission.release(raw);
        if (session == null) {
            return;
        }
        registry.removeEverywhere(session);
        UUID roomId = session.roomId();
        if (roomId != null) {
            if (typing.stopped(roomId, session.user().id())) {
                fanout.toRoom(
                        roomId,
                        new OutboundFrame.Typing(roomId, session.card(), false),
                        session.user().id());
            }
            if (attendance.leave(roomId, session.user().id())) {
                fanout.toRoom(roomId, new OutboundFrame.UserLeft(roomId, session.card()), null);
            }
        }
        presence.closed(session);
    }
}
