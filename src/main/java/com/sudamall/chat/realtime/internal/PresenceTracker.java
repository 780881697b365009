package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Presence;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserProfile;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.Outages;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Online and offline: a user comes online with their first socket on any node and goes offline with their last.
 * Both changes are told to the rooms they take part in (up to {@code large-room-size} participants) and stamp
 * {@code last_seen_at}; a socket that opens is told who of its rooms' participants is online, and when the others
 * were last seen. Presence is a courtesy: if it cannot be read, sockets still open and messages still flow.
 */
@Component
class PresenceTracker {

    private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Presence presence;
    private final RoomAccess access;
    private final UserService users;
    private final RoomFanout fanout;
    private final FrameCodec codec;
    private final RealtimeProperties properties;
    private final Clock clock;
    /** A user's changes are told in order (online before offline), on one of a few lanes by user. */
    private final List<ExecutorService> lanes = IntStream.range(0, 4)
            .mapToObj(i -> Executors.newSingleThreadExecutor(
                    Thread.ofVirtual().name("presence-" + i).factory()))
            .toList();

    PresenceTracker(
            Presence presence,
            RoomAccess access,
            UserService users,
            RoomFanout fanout,
            FrameCodec codec,
            RealtimeProperties properties,
            Clock clock) {
        this.presence = presence;
        this.access = access;
        this.users = users;
        this.fanout = fanout;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A socket opened; {@code userRooms} are the user's active rooms when the caller has them already (a
     * multiplexed socket's handshake read them), else null. The count changes now; telling the rooms and the
     * socket happens in the background, so a burst of sockets never waits on it.
     */
    void opened(SocketSession session, @Nullable Collection<UUID> userRooms) {
        String userId = session.user().id();
        boolean cameOnline;
        try {
            cameOnline = presence.connected(userId);
        } catch (RuntimeException e) {
            log.warn("presence of {} not counted: {}", userId, e.getMessage());
            return;
        }
        inBackground(userId, () -> {
            Collection<UUID> rooms = userRooms;
            if (cameOnline) {
                rooms = rooms != null ? rooms : access.activeRoomsOf(userId).keySet();
                announce(session.card(), true, rooms);
            }
            if (session.isOpen()) {
                tellWhoIsOnline(session, session.isMultiplexed() ? rooms : List.of(session.roomId()));
            }
        });
    }

    void closed(SocketSession session) {
        String userId = session.user().id();
        boolean wentOffline;
        try {
            wentOffline = presence.disconnected(userId);
        } catch (RuntimeException e) {
            log.warn("presence of {} not counted: {}", userId, e.getMessage());
            return;
        }
        if (wentOffline) {
            // last seen is stored when a user leaves; while online they are seen now
            users.markSeen(userId, Timestamps.now(clock));
            inBackground(
                    userId,
                    () -> announce(
                            session.card(), false, access.activeRoomsOf(userId).keySet()));
        }
    }

    /**
     * Presence is a courtesy: a few lanes at a time, so it never takes the pool from the senders, and while the pool
     * is busy (a burst of sockets) it waits its turn for a while rather than being dropped.
     */
    private void inBackground(String userId, Runnable task) {
        lanes.get(Math.floorMod(userId.hashCode(), lanes.size())).execute(() -> {
            try {
                Outages.whileBusy(
                        () -> {
                            task.run();
                            return null;
                        },
                        PATIENCE);
            } catch (RuntimeException e) {
                if (Outages.isOutage(e)) {
                    Outages.logRefusal(log, "presence of " + userId, e);
                } else {
                    log.warn("presence of {} not told: {}", userId, e.getMessage());
                }
            }
        });
    }

    private void announce(User card, boolean online, Collection<UUID> userRooms) {
        Instant now = Timestamps.now(clock);
        OutboundFrame.PresenceUser user = new OutboundFrame.PresenceUser(card.id(), card.name(), card.avatarUrl(), now);
        smallRooms(userRooms)
                .keySet()
                .forEach(roomId -> fanout.toRoom(roomId, new OutboundFrame.Presence(roomId, user, online), card.id()));
    }

    private void tellWhoIsOnline(SocketSession session, @Nullable Collection<UUID> roomIds) {
        Collection<UUID> ids = roomIds != null
                ? roomIds
                : access.activeRoomsOf(session.user().id()).keySet();
        Map<UUID, Set<String>> rooms = smallRooms(ids);
        Set<String> others = rooms.values().stream()
                .flatMap(Set::stream)
                .filter(id -> !id.equals(session.user().id()))
                .collect(Collectors.toSet());
        if (others.isEmpty()) {
            return;
        }
        Set<String> online = presence.online(others);
        Instant now = Timestamps.now(clock);
        Map<String, UserProfile> profiles =
                users.profiles(others).stream().collect(Collectors.toMap(UserProfile::id, Function.identity()));
        rooms.forEach((roomId, members) -> members.stream()
                .map(profiles::get)
                .filter(profile ->
                        profile != null && !profile.id().equals(session.user().id()))
                .forEach(profile -> {
                    boolean isOnline = online.contains(profile.id());
                    User card = profile.card();
                    // someone online is seen now; their stored time may predate this connection
                    OutboundFrame.PresenceUser user = new OutboundFrame.PresenceUser(
                            card.id(), card.name(), card.avatarUrl(), isOnline ? now : profile.lastSeenAt());
                    session.send(codec.encode(new OutboundFrame.Presence(roomId, user, isOnline)));
                }));
    }

    /** The rooms' participants as this node remembers them, for rooms small enough to be told of presence. */
    private Map<UUID, Set<String>> smallRooms(Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        return access.memberIds(roomIds).entrySet().stream()
                .filter(room -> room.getValue().size() <= properties.largeRoomSize())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
