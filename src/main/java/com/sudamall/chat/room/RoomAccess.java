package com.sudamall.chat.room;

import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.room.internal.MemberRepository;
import com.sudamall.chat.room.internal.RoomCache;
import com.sudamall.chat.room.internal.RoomRepository;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Who may see, use and manage a room. Every room, message and file access goes through here: participants of active
 * rooms and moderators see a room; everyone else gets {@link RoomNotFoundException}.
 */
@Service
public class RoomAccess {

    private final RoomRepository rooms;
    private final MemberRepository members;
    private final RoomCache cache;
    private final CommerceService commerce;

    RoomAccess(RoomRepository rooms, MemberRepository members, RoomCache cache, CommerceService commerce) {
        this.rooms = rooms;
        this.cache = cache;
        this.members = members;
        this.commerce = commerce;
    }

    /** The room, if the user may read it; otherwise a 404. */
    public Room requireVisible(CurrentUser user, UUID roomId) {
        return visible(user, roomId).room();
    }

    /** The room, if the user may post in it: a participant of an active room. */
    public Room requireParticipant(CurrentUser user, UUID roomId) {
        return requireParticipant(visible(user, roomId));
    }

    private static Room requireParticipant(Visible visible) {
        if (!visible.isMember()) {
            throw new ChatException(ErrorCode.NOT_PARTICIPANT, "Only participants can post in this room");
        }
        requireActive(visible.room());
        return visible.room();
    }

    /**
     * The room, if the user may send to it, checked against what this node remembers of the room ({@link
     * RoomCache}): the check every message makes. The room's counters ({@code last_seq}) may be behind.
     */
    public Room requireSender(CurrentUser user, UUID roomId) {
        RoomCache.Entry known = remembered(roomId);
        return requireParticipant(checked(user, known.room(), known.memberIds().contains(user.id())));
    }

    /**
     * The room, if the user may receive it live (a participant of an active room, or a moderator), checked against
     * what this node remembers of the room: the check a socket's catch-up makes.
     */
    public Room requireSubscriber(CurrentUser user, UUID roomId) {
        RoomCache.Entry known = remembered(roomId);
        return checked(user, known.room(), known.memberIds().contains(user.id()))
                .room();
    }

    /**
     * The room as it is now (its {@code last_seq} current), if the user may open a socket on it: a participant of
     * an active room. One read of the room; the membership comes from what this node remembers.
     */
    public Room requireSocketParticipant(CurrentUser user, UUID roomId) {
        RoomCache.Entry cached = cache.getIfPresent(roomId);
        // an entry loaded just now is as current as a second read would be
        RoomCache.Entry known = cached != null ? cached : remembered(roomId);
        Room room = cached == null ? known.room() : cache.current(roomId);
        if (room == null) {
            throw new RoomNotFoundException(roomId);
        }
        return requireParticipant(checked(user, room, known.memberIds().contains(user.id())));
    }

    /**
     * The room's last seq as the database has it now: a socket placed at it has missed nothing. Read with the other
     * rooms asked for at the same moment, so a burst of sockets opening costs a query per few dozen of them.
     */
    public long lastSeqNow(UUID roomId) {
        Room room = cache.current(roomId);
        if (room == null) {
            throw new RoomNotFoundException(roomId);
        }
        return room.lastSeq();
    }

    /** What this node remembers of the room (loading it if need be); a 404 when there is no such room. */
    private RoomCache.Entry remembered(UUID roomId) {
        RoomCache.Entry known = cache.get(roomId);
        if (known == null) {
            throw new RoomNotFoundException(roomId);
        }
        return known;
    }

    /** Drops what this node remembers of the room: another node changed it. */
    public void forget(UUID roomId) {
        cache.forget(roomId);
    }

    /** Drops everything this node remembers of rooms: changes made while it was cut off never reached it. */
    public void forgetAll() {
        cache.forgetAll();
    }

    private record Visible(Room room, boolean isMember) {}

    /** One look at the room and one at the membership, whatever the caller goes on to check (send path). */
    private Visible visible(CurrentUser user, UUID roomId) {
        Room room = rooms.find(roomId).orElseThrow(() -> new RoomNotFoundException(roomId));
        return checked(user, room, members.isMember(roomId, user.id()));
    }

    /** Moderators see every room; others see the active rooms they are in. */
    private Visible checked(CurrentUser user, Room room, boolean isMember) {
        if (canModerate(user, room) || room.isActive() && isMember) {
            return new Visible(room, isMember);
        }
        throw new RoomNotFoundException(room.id());
    }

    /** A 409 {@code room_inactive} unless the room is active. */
    public static void requireActive(Room room) {
        if (!room.isActive()) {
            throw new ChatException(ErrorCode.ROOM_INACTIVE, "Chat room is not active");
        }
    }

    /** The room, whoever asks: for the platform's backend. */
    public Room require(UUID roomId) {
        return rooms.find(roomId).orElseThrow(() -> new RoomNotFoundException(roomId));
    }

    /** Moderators, admins and the room's own moderator may moderate it. */
    public boolean canModerate(CurrentUser user, Room room) {
        return user.isModerator() || user.id().equals(room.moderatorId());
    }

    /** The room's owners may rename it, change settings and manage participants. */
    public boolean canManage(CurrentUser user, Room room) {
        return canModerate(user, room) || user.id().equals(room.createdBy()) || isStoreSide(user.id(), room);
    }

    /** The owner or staff of the room's store. */
    public boolean isStoreSide(String userId, Room room) {
        return room.storeId() != null
                && commerce.findStore(room.storeId())
                        .map(s -> s.isStoreSide(userId))
                        .orElse(false);
    }

    public boolean isMember(UUID roomId, String userId) {
        return members.isMember(roomId, userId);
    }

    public List<Member> members(UUID roomId) {
        return members.members(roomId);
    }

    /** Members of several rooms at once. */
    public Map<UUID, List<Member>> members(Collection<UUID> roomIds) {
        return members.members(roomIds);
    }

    /** The active rooms the user takes part in, each with its last seq. */
    public Map<UUID, Long> activeRoomsOf(String userId) {
        return members.activeRoomsOf(userId);
    }

    /** The active rooms of each of these users, read in one query; users in none are left out. */
    public Map<String, Set<UUID>> activeRoomsOf(Collection<String> userIds) {
        return members.activeRoomsOfAll(userIds);
    }

    /** Each room's participants, as this node remembers them; rooms that do not exist are left out. */
    public Map<UUID, Set<String>> memberIds(Collection<UUID> roomIds) {
        Map<UUID, Set<String>> known = new java.util.HashMap<>();
        for (UUID roomId : roomIds) {
            RoomCache.Entry entry = cache.get(roomId);
            if (entry != null) {
                known.put(roomId, entry.memberIds());
            }
        }
        return known;
    }

    /**
     * The customer of each of these rooms that has one (customer_store and customer_support), as this node remembers
     * the rooms: a room's customer never changes.
     */
    public Map<UUID, String> customers(Collection<UUID> roomIds) {
        Map<UUID, String> customers = new java.util.HashMap<>();
        for (UUID roomId : roomIds) {
            RoomCache.Entry entry = cache.get(roomId);
            if (entry != null && entry.room().customerId() != null) {
                customers.put(roomId, entry.room().customerId());
            }
        }
        return customers;
    }

    /** The room's participants, as this node remembers them (the send path's view). */
    public Set<String> memberIds(UUID roomId) {
        RoomCache.Entry known = cache.get(roomId);
        return known == null ? Set.of() : known.memberIds();
    }

    /** Every room the user is in, active or not (a privacy export). */
    public List<Room> roomsOf(String userId) {
        return rooms.findAllForMember(userId);
    }

    public Optional<Member> member(UUID roomId, String userId) {
        return members.find(roomId, userId);
    }
}
