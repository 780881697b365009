package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Presence;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserProfile;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Tells a batch of presence changes: each user who came online or went offline to the rooms they take part in (up
 * to {@code large-room-size} participants), and each socket that opened who of its rooms' participants is online
 * and when the others were last seen, and each room socket who is typing there. A batch costs one query for the rooms, a Redis call each for who is online and
 * who is typing, and one profile lookup, however many sockets it holds.
 */
@Component
class PresenceBriefing {

    /** A user who came online or went offline; {@code userRooms} when already known. */
    record Turn(User card, boolean online, @Nullable Collection<UUID> userRooms) {}

    /** A socket that opened; {@code userRooms} are a multiplexed socket's rooms when already known. */
    record Arrival(SocketSession session, @Nullable Collection<UUID> userRooms) {}

    private final Presence presence;
    private final RoomAccess access;
    private final UserService users;
    private final RoomFanout fanout;
    private final FrameCodec codec;
    private final TypingTracker typingTracker;
    private final RealtimeProperties properties;
    private final Clock clock;

    PresenceBriefing(
            Presence presence,
            RoomAccess access,
            UserService users,
            RoomFanout fanout,
            FrameCodec codec,
            TypingTracker typingTracker,
            RealtimeProperties properties,
            Clock clock) {
        this.presence = presence;
        this.access = access;
        this.users = users;
        this.fanout = fanout;
        this.codec = codec;
        this.typingTracker = typingTracker;
        this.properties = properties;
        this.clock = clock;
    }

    void tell(List<Turn> turns, List<Arrival> arrivals) {
        Map<String, Set<UUID>> roomsOf = access.activeRoomsOf(Set.copyOf(unknownRooms(turns, arrivals)));
        announce(turns, roomsOf);
        List<Arrival> open =
                arrivals.stream().filter(arrival -> arrival.session().isOpen()).toList();
        tellWhoIsOnline(open, roomsOf);
        tellWhoIsTyping(open);
    }

    /** Users whose rooms must be read: those who changed, and multiplexed sockets opened without their rooms. */
    private static Set<String> unknownRooms(List<Turn> turns, List<Arrival> arrivals) {
        Set<String> ids = new HashSet<>();
        turns.stream()
                .filter(turn -> turn.userRooms() == null)
                .forEach(turn -> ids.add(turn.card().id()));
        arrivals.stream()
                .filter(arrival -> arrival.session().isMultiplexed() && arrival.userRooms() == null)
                .forEach(arrival -> ids.add(arrival.session().user().id()));
        return ids;
    }

    private void announce(List<Turn> turns, Map<String, Set<UUID>> roomsOf) {
        if (turns.isEmpty()) {
            return;
        }
        List<Collection<UUID>> roomsByTurn = turns.stream()
                .map(turn -> roomsOf(turn.card().id(), turn.userRooms(), roomsOf))
                .toList();
        Set<UUID> small = smallRooms(roomsByTurn).keySet();
        Instant now = Timestamps.now(clock);
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            User card = turn.card();
            OutboundFrame.PresenceUser user =
                    new OutboundFrame.PresenceUser(card.id(), card.name(), card.avatarUrl(), now);
            roomsByTurn.get(i).stream()
                    .filter(small::contains)
                    .forEach(roomId ->
                            fanout.toRoom(roomId, new OutboundFrame.Presence(roomId, user, turn.online()), card.id()));
        }
    }

    private void tellWhoIsOnline(List<Arrival> arrivals, Map<String, Set<UUID>> roomsOf) {
        Map<SocketSession, Collection<UUID>> roomsBySocket = new LinkedHashMap<>();
        arrivals.forEach(arrival -> {
            SocketSession session = arrival.session();
            roomsBySocket.put(
                    session,
                    session.isMultiplexed()
                            ? roomsOf(session.user().id(), arrival.userRooms(), roomsOf)
                            : List.of(session.roomId()));
        });
        Map<UUID, Set<String>> members = smallRooms(roomsBySocket.values());
        Set<String> everyone = new HashSet<>();
        roomsBySocket.forEach((session, rooms) ->
                rooms.forEach(roomId -> members.getOrDefault(roomId, Set.of()).stream()
                        .filter(id -> !id.equals(session.user().id()))
                        .forEach(everyone::add)));
        if (everyone.isEmpty()) {
            return;
        }
        Set<String> online = presence.online(everyone);
        Map<String, UserProfile> profiles =
                users.profiles(everyone).stream().collect(Collectors.toMap(UserProfile::id, Function.identity()));
        Instant now = Timestamps.now(clock);
        roomsBySocket.forEach((session, rooms) ->
                rooms.forEach(roomId -> members.getOrDefault(roomId, Set.of()).stream()
                        .filter(id -> !id.equals(session.user().id()))
                        .map(profiles::get)
                        .filter(profile -> profile != null)
                        .forEach(profile -> {
                            boolean isOnline = online.contains(profile.id());
                            User card = profile.card();
                            // someone online is seen now; their stored time may predate this connection
                            OutboundFrame.PresenceUser user = new OutboundFrame.PresenceUser(
                                    card.id(), card.name(), card.avatarUrl(), isOnline ? now : profile.lastSeenAt());
                            session.send(codec.encode(new OutboundFrame.Presence(roomId, user, isOnline)));
                        })));
    }

    /** Tells each room socket that opened who is typing there (the multiplexed protocol has no such snapshot). */
    private void tellWhoIsTyping(List<Arrival> arrivals) {
        List<SocketSession> roomSockets = arrivals.stream()
                .map(Arrival::session)
                .filter(session -> !session.isMultiplexed())
                .toList();
        Map<UUID, Set<String>> typing = typingTracker.typingIn(
                roomSockets.stream().map(SocketSession::roomId).collect(Collectors.toSet()));
        if (typing.isEmpty()) {
            return;
        }
        Map<String, User> cards =
                users.cards(typing.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
        roomSockets.forEach(session -> typing.getOrDefault(session.roomId(), Set.of()).stream()
                .filter(id -> !id.equals(session.user().id()))
                .map(cards::get)
                .filter(card -> card != null)
                .forEach(typer -> session.send(codec.encode(new OutboundFrame.Typing(session.roomId(), typer, true)))));
    }

    private static Collection<UUID> roomsOf(
            String userId, @Nullable Collection<UUID> known, Map<String, Set<UUID>> roomsOf) {
        return known != null ? known : roomsOf.getOrDefault(userId, Set.of());
    }

    /** The rooms' participants as this node remembers them, for rooms small enough to be told of presence. */
    private Map<UUID, Set<String>> smallRooms(Collection<? extends Collection<UUID>> roomIds) {
        Set<UUID> ids = roomIds.stream().flatMap(Collection::stream).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return access.memberIds(ids).entrySet().stream()
                .filter(room -> room.getValue().size() <= properties.largeRoomSize())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
