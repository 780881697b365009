package com.sudamall.chat.room;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.room.internal.ConversationRepository;
import com.sudamall.chat.web.AuditLog;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store desk's view of customer_store and customer_support rooms: each is a conversation with a status, an
 * assignee and labels, changed by the team that answers it (the store's owner and staff, or the support agents; a
 * moderator too), and reopened by the customer's next message.
 */
@Service
public class Conversations {

    private final ConversationRepository conversations;
    private final RoomAccess access;
    private final UserService users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Conversations(
            ConversationRepository conversations,
            RoomAccess access,
            UserService users,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.conversations = conversations;
        this.access = access;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The conversations of those of the rooms that are conversations. */
    public Map<UUID, Conversation> of(Collection<UUID> roomIds) {
        return conversations.findAll(roomIds);
    }

    /** A store's conversations whose customer first wrote since {@code since}, without their labels: for its stats. */
    public List<Conversation> ofStore(String storeId, Instant since) {
        return conversations.findByStore(storeId, since);
    }

    /** A new customer_store or customer_support room is an open conversation. */
    void opened(UUID roomId, @Nullable String storeId, Instant now) {
        conversations.insert(roomId, storeId, now);
    }

    /** Whether the user answers the room's customer: the store's owner or staff, a support agent, a moderator. */
    public boolean isTeam(CurrentUser user, Room room) {
        return room.type().isConversation()
                && !user.id().equals(room.customerId())
                && (access.canModerate(user, room) || access.isStoreSide(user.id(), room));
    }

    /** Changes status, assignee or labels: the room's team only (a customer gets 403, anyone else 404). */
    @Transactional
    public Conversation change(CurrentUser caller, UUID roomId, ConversationChange change) {
        Room room = access.requireVisible(caller, roomId);
        if (!room.type().isConversation()) {
            throw ChatException.invalid(
                    change.status() != null ? "status" : "room_type",
                    "only customer_store and customer_support rooms are conversations");
        }
        if (!isTeam(caller, room)) {
            throw ChatException.forbidden("Only the team that answers this conversation can change it");
        }
        Instant now = Timestamps.now(clock);
        Conversation before = current(roomId, now);
        ConversationStatus status = change.status() != null
                ? change.status()
                : change.snoozedUntil() != null ? ConversationStatus.SNOOZED : before.status();
        Conversation after = new Conversation(
                roomId,
                status,
                snoozedUntil(status, change, before, now),
                change.changesAssignee() ? assignee(room, change.assigneeId()) : before.assigneeId(),
                change.labels() != null ? ConversationLabels.normalize(change.labels()) : before.labels(),
                before.firstMessageAt(),
                before.firstResponseAt(),
                status != ConversationStatus.RESOLVED
                        ? null
                        : before.status() == ConversationStatus.RESOLVED ? before.resolvedAt() : now,
                status == ConversationStatus.RESOLVED && before.status() != ConversationStatus.RESOLVED
                        ? before.resolutions() + 1
                        : before.resolutions());
        conversations.update(after, now);
        if (!after.labels().equals(before.labels())) {
            conversations.replaceLabels(roomId, after.labels());
        }
        told(room, before, after, caller.id(), now);
        return after;
    }

    /**
     * The customer wrote: a pending, snoozed or resolved conversation opens again. In the sending transaction.
     *
     * @return the conversation now, null when the room has none
     */
    public @Nullable Conversation customerWrote(Room room, Instant at) {
        Conversation before = conversations.lock(room.id(), false).orElse(null);
        if (before == null || before.status() == ConversationStatus.OPEN && before.firstMessageAt() != null) {
            return before;
        }
        Conversation after = before.reopened().withFirstMessage(at);
        conversations.update(after, at);
        told(room, before, after, room.customerId(), at);
        return after;
    }

    /**
     * Assigns the conversation to {@code assigneeId} on the service's behalf (automatic assignment), unless someone
     * was assigned meanwhile.
     *
     * @return whether it was assigned
     */
    @Transactional
    public boolean assignIfUnassigned(UUID roomId, String assigneeId) {
        Conversation before = conversations.lock(roomId, false).orElse(null);
        if (before == null || before.assigneeId() != null) {
            return false;
        }
        Instant now = Timestamps.now(clock);
        Conversation after = before.withAssignee(assigneeId);
        conversations.update(after, now);
        told(access.require(roomId), before, after, null, now);
        return true;
    }

    /** How many open or pending conversations of the store each of these users is assigned. */
    public Map<String, Long> openLoad(String storeId, Collection<String> userIds) {
        return conversations.openLoad(storeId, userIds);
    }

    /**
     * Someone of the team wrote; the first time after the customer's first message is the first response.
     *
     * @return whether the conversation has its first response now (this one or an earlier one)
     */
    public boolean teamWrote(Room room, Instant at) {
        Conversation before = conversations.lock(room.id(), false).orElse(null);
        if (before == null || before.firstResponseAt() != null) {
            return before != null;
        }
        if (before.firstMessageAt() == null) {
            return false;
        }
        conversations.update(before.withFirstResponse(at), at);
        return true;
    }

    /** Opens the snoozed conversations whose time has come; returns how many. */
    @Transactional
    public int wakeSnoozed(int limit) {
        Instant now = Timestamps.now(clock);
        int woken = 0;
        for (UUID roomId : conversations.dueSnoozed(now, limit)) {
            Conversation before = conversations.lock(roomId, false).orElse(null);
            // another node may have woken it, or the team changed it, since it was found
            if (before == null
                    || before.status() != ConversationStatus.SNOOZED
                    || before.snoozedUntil() == null
                    || before.snoozedUntil().isAfter(now)) {
                continue;
            }
            Conversation after = before.reopened();
            conversations.update(after, now);
            told(access.require(roomId), before, after, null, now);
            woken++;
        }
        return woken;
    }

    /** The conversation as stored, locked; a room from before the desk that has no row gets one. */
    private Conversation current(UUID roomId, Instant now) {
        return conversations.lock(roomId, true).orElseGet(() -> {
            conversations.insert(roomId, access.require(roomId).storeId(), now);
            return conversations.lock(roomId, true).orElseThrow();
        });
    }

    private static @Nullable Instant snoozedUntil(
            ConversationStatus status, ConversationChange change, Conversation before, Instant now) {
        if (status != ConversationStatus.SNOOZED) {
            if (change.snoozedUntil() != null) {
                throw ChatException.invalid("snoozed_until", "only with status snoozed");
            }
            return null;
        }
        Instant until = change.snoozedUntil() != null ? change.snoozedUntil() : before.snoozedUntil();
        if (until == null || !until.isAfter(now)) {
            throw ChatException.invalid("snoozed_until", "a time in the future, to snooze until");
        }
        return until;
    }

    /** The assignee asked for, who must be of the room's team: the store's owner or staff, or a support agent. */
    private @Nullable String assignee(Room room, @Nullable String assigneeId) {
        if (assigneeId == null) {
            return null;
        }
        boolean ofTeam = room.type() == RoomType.CUSTOMER_STORE
                ? !assigneeId.equals(room.customerId()) && access.isStoreSide(assigneeId, room)
                : users.supportAgents().contains(assigneeId);
        if (!ofTeam) {
            throw ChatException.invalid(
                    "assignee",
                    room.type() == RoomType.CUSTOMER_STORE
                            ? "must be the store's owner or one of its staff"
                            : "must be a support agent");
        }
        return assigneeId;
    }

    /** Audits a team member's change and tells the rest of the service of a new status or assignee. */
    private void told(Room room, Conversation before, Conversation after, @Nullable String actorId, Instant at) {
        boolean statusChanged = before.status() != after.status();
        boolean assigneeChanged = !Objects.equals(before.assigneeId(), after.assigneeId());
        if (!statusChanged && !assigneeChanged) {
            return;
        }
        if (actorId != null && !actorId.equals(room.customerId())) {
            if (statusChanged) {
                audit.record(
                        actorId,
                        "conversation.status",
                        "room",
                        room.id().toString(),
                        before.status().wireName() + " → " + after.status().wireName());
            }
            if (assigneeChanged) {
                audit.record(
                        actorId,
                        after.assigneeId() == null ? "conversation.unassigned" : "conversation.assigned",
                        "room",
                        room.id().toString(),
                        after.assigneeId() == null ? "was " + before.assigneeId() : "to " + after.assigneeId());
            }
        }
        events.publishEvent(new ConversationChanged(
                room.id(),
                room.storeId(),
                before.status(),
                after.status(),
                before.assigneeId(),
                after.assigneeId(),
                actorId,
                at));
    }
}
