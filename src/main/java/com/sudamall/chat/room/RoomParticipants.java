package com.sudamall.chat.room;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.room.internal.MemberRepository;
import com.sudamall.chat.room.internal.RoomRepository;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is in a room after it opened: participants added, leaving or removed. */
@Service
public class RoomParticipants {

    private final RoomRepository rooms;
    private final MemberRepository members;
    private final RoomAccess access;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RoomParticipants(
            RoomRepository rooms,
            MemberRepository members,
            RoomAccess access,
            UserService users,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rooms = rooms;
        this.members = members;
        this.access = access;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a participant, within the room's limit; room owners and moderators only. */
    @Transactional
    public Room addParticipant(CurrentUser caller, UUID roomId, String userId) {
        UserService.requireValidId(userId, "user");
        Room room = access.requireVisible(caller, roomId);
        boolean joiningThemselves = caller.id().equals(userId) && access.isStoreSide(userId, room);
        if (!joiningThemselves && !access.canManage(caller, room)) {
            throw ChatException.forbidden("Only the room's owner or a moderator can add participants");
        }
        RoomAccess.requireActive(room);
        if (room.type().isConversation() && !userId.equals(room.customerId()) && !answersCustomers(userId, room)) {
            // everyone in a conversation but its customer reads the team's internal notes
            throw ChatException.invalid(
                    "user",
                    room.type() == RoomType.CUSTOMER_STORE
                            ? "only the store's owner and staff join a customer's conversation with the store"
                            : "only support agents join a customer's support conversation");
        }
        rooms.lock(roomId);
        if (members.isMember(roomId, userId)) {
            return room;
        }
        boolean storeSide = room.type() == RoomType.CUSTOMER_STORE && access.isStoreSide(userId, room);
        if (!storeSide && members.count(roomId) >= room.maxParticipants()) {
            throw new ChatException(
                    ErrorCode.ROOM_FULL, "The room is full (" + room.maxParticipants() + " participants)");
        }
        users.ensureExists(List.of(userId));
        members.add(roomId, userId, Timestamps.now(clock));
        events.publishEvent(new RoomChanged(roomId));
        events.publishEvent(new MemberJoined(roomId, room.name(), userId, caller.id()));
        return rooms.find(roomId).orElseThrow();
    }

    private boolean answersCustomers(String userId, Room room) {
        return room.type() == RoomType.CUSTOMER_STORE
                ? access.isStoreSide(userId, room)
                : users.supportAgents().contains(userId);
    }

    /**
     * Removes a participant: anyone may leave, owners and moderators may remove others. A room left with no
     * participants becomes inactive, as in the seed.
     */
    @Transactional
    public void removeParticipant(CurrentUser caller, UUID roomId, String userId) {
        Room room = access.requireVisible(caller, roomId);
        if (!caller.id().equals(userId) && !access.canManage(caller, room)) {
            throw ChatException.forbidden("Only the room's owner or a moderator can remove participants");
        }
        rooms.lock(roomId);
        if (!members.remove(roomId, userId)) {
            throw ChatException.notFound("Participant");
        }
        List<String> remaining =
                members.members(roomId).stream().map(Member::userId).toList();
        if (remaining.isEmpty()) {
            rooms.deactivate(roomId, Timestamps.now(clock));
        }
        events.publishEvent(new RoomChanged(roomId));
        events.publishEvent(new MemberLeft(roomId, room.name(), userId, remaining));
    }
}
