package com.sudamall.chat.room;

import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.room.internal.MemberRepository;
import com.sudamall.chat.room.internal.RoomRepository;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Opening rooms and changing their settings ({@link RoomListing} lists them); {@link RoomParticipants} manages who is in them. */
@Service
public class RoomService {

    private final RoomRepository rooms;
    private final MemberRepository members;
    private final RoomAccess access;
    private final CommerceService commerce;
    private final UserService users;
    private final Conduct conduct;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RoomParticipants membership;
    private final Conversations conversations;

    RoomService(
            RoomRepository rooms,
            MemberRepository members,
            RoomAccess access,
            CommerceService commerce,
            UserService users,
            Conduct conduct,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            RoomParticipants membership,
            Conversations conversations) {
        this.rooms = rooms;
        this.members = members;
        this.access = access;
        this.commerce = commerce;
        this.users = users;
        this.conduct = conduct;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.membership = membership;
        this.conversations = conversations;
    }

    /**
     * The outcome of opening a room.
     *
     * @param room the room
     * @param isNew false when an existing customer-store room was returned instead of a duplicate
     */
    public record Opened(Room room, boolean isNew) {}

    /**
     * Opens a room with the caller and the given participants. A customer-store room always includes the store's
     * owner, and returns the existing active room of that customer and store instead of a second one.
     */
    public Opened create(CurrentUser caller, CreateRoom command) {
        Set<String> participants = new LinkedHashSet<>();
        participants.add(caller.id());
        command.participantIds().forEach(id -> participants.add(UserService.requireValidId(id, "participants")));
        Store store = command.storeId() == null ? null : commerce.requireStore(command.storeId(), "store");
        String productId = command.productId() == null
                ? null
                : commerce.requireProduct(command.productId(), "product").id();
        String customerId = null;
        if (command.type() == RoomType.CUSTOMER_STORE) {
            if (store == null) {
                throw ChatException.invalid("store", "a customer_store room needs a store");
            }
            customerId = customerOf(store, participants);
            participants.add(store.ownerId());
        }
        if (command.type() == RoomType.CUSTOMER_SUPPORT) {
            List<String> agents = users.supportAgents();
            customerId = participants.stream()
                    .filter(id -> !agents.contains(id))
                    .findFirst()
                    .orElse(null);
            String customer = customerId;
            if (participants.stream().anyMatch(id -> !id.equals(customer) && !agents.contains(id))) {
                // the customer's side is the customer alone: what the team writes to itself stays with the team
                throw ChatException.invalid(
                        "participants", "a customer_support room has one customer; everyone else is a support agent");
            }
            assignAgent(caller, participants, agents);
        }
        int max = maxParticipants(command);
        if (participants.size() > max) {
            throw new ChatException(
                    ErrorCode.ROOM_FULL,
                    "A " + command.type().wireName() + " room allows at most " + max + " participants");
        }
        if (command.type() == RoomType.PRIVATE && participants.size() < 2) {
            throw ChatException.invalid("participants", "a private room needs one other participant");
        }
        if (command.type() == RoomType.CUSTOMER_STORE) {
            // the store's staff answer its customers too; the store side is not counted against the limit
            participants.addAll(store.staffIds());
        }
        String name = command.name() == null || command.name().isBlank()
                ? command.type().defaultName()
                : command.name().strip();
        if (name.length() > 255) {
            throw ChatException.invalid("name", "at most 255 characters");
        }
        users.ensureExists(participants);
        conduct.checkOpen(caller.id(), participants);
        String dedupeKey = command.type() == RoomType.CUSTOMER_STORE ? store.id() + "|" + customerId : null;
        if (dedupeKey != null) {
            Optional<Room> existing = rooms.findByDedupeKey(dedupeKey);
            if (existing.isPresent()) {
                return new Opened(reopen(caller, existing.get(), productId), false);
            }
        }
        NewRoomRow row =
                new NewRoomRow(name, command.type(), store, productId, customerId, max, dedupeKey, participants);
        try {
            return new Opened(transactions.execute(tx -> insert(caller, row)), true);
        } catch (DuplicateKeyException raced) {
            Room winner = rooms.findByDedupeKey(dedupeKey).orElseThrow(() -> raced);
            return new Opened(reopen(caller, winner, productId), false);
        }
    }

    /**
     * A support room gets the least busy support agent (moderator or admin: fewest active support rooms, then the
     * smallest id), unless an agent is already in it. Without any agent the room waits for one to be added.
     */
    private void assignAgent(CurrentUser caller, Set<String> participants, List<String> agents) {
        if (agents.stream().anyMatch(participants::contains)) {
            return;
        }
        Map<String, Long> load = members.supportLoad(agents);
        agents.stream()
                .filter(agent -> !agent.equals(caller.id()))
                .min(Comparator.comparingLong((String agent) -> load.getOrDefault(agent, 0L))
                        .thenComparing(Comparator.naturalOrder()))
                .ifPresent(participants::add);
    }

    private record NewRoomRow(
            String name,
            RoomType type,
            @Nullable Store store,
            @Nullable String productId,
            @Nullable String customerId,
            int max,
            @Nullable String dedupeKey,
            Set<String> participants) {}

    private Room insert(CurrentUser caller, NewRoomRow row) {
        Instant now = Timestamps.now(clock);
        UUID id = UUID.randomUUID();
        rooms.insert(new RoomRepository.NewRoom(
                id,
                row.name(),
                row.type(),
                row.store() == null ? null : row.store().id(),
                row.productId(),
                row.customerId(),
                row.dedupeKey(),
                row.max(),
                caller.id(),
                now));
        for (String userId : row.participants()) {
            members.add(id, userId, now);
        }
        if (row.type().isConversation()) {
            conversations.opened(id, row.store() == null ? null : row.store().id(), now);
        }
        events.publishEvent(new RoomCreated(id, row.name(), List.copyOf(row.participants()), caller.id()));
        return rooms.find(id).orElseThrow();
    }

    /** An existing customer-store room opened again: the caller must be in it, and a new product becomes its topic. */
    private Room reopen(CurrentUser caller, Room room, @Nullable String productId) {
        if (!members.isMember(room.id(), caller.id())) {
            if (!access.isStoreSide(caller.id(), room)) {
                throw ChatException.forbidden("Not allowed to open this conversation");
            }
            membership.addParticipant(caller, room.id(), caller.id());
        }
        if (productId != null && !productId.equals(room.productId())) {
            rooms.updateProduct(room.id(), productId, Timestamps.now(clock));
            events.publishEvent(new RoomChanged(room.id()));
        }
        return rooms.find(room.id()).orElseThrow();
    }

    private static String customerOf(Store store, Set<String> participants) {
        return participants.stream()
                .filter(id -> !store.isStoreSide(id))
                .findFirst()
                .orElseThrow(() -> ChatException.invalid("participants", "a customer_store room needs a customer"));
    }

    private static int maxParticipants(CreateRoom command) {
        if (command.maxParticipants() == null) {
            return command.type().defaultMaxParticipants();
        }
        if (command.type() != RoomType.GROUP) {
            throw ChatException.invalid("max_participants", "only group rooms choose their size");
        }
        if (command.maxParticipants() < 2 || command.maxParticipants() > RoomType.MAX_GROUP_SIZE) {
            throw ChatException.invalid("max_participants", "between 2 and " + RoomType.MAX_GROUP_SIZE);
        }
        return command.maxParticipants();
    }

    /** Mutes the room for the caller (no missed-message alerts from it) or unmutes it; participants only. */
    @Transactional
    public Room setMuted(CurrentUser caller, UUID roomId, boolean muted) {
        Room room = access.requireParticipant(caller, roomId);
        members.setMuted(roomId, caller.id(), muted);
        return room;
    }

    /** Renames a room or changes its settings; room owners and moderators only. */
    @Transactional
    public Room update(CurrentUser caller, UUID roomId, UpdateRoom command) {
        Room room = access.requireVisible(caller, roomId);
        if (!access.canManage(caller, room)) {
            throw ChatException.forbidden("Only the room's owner or a moderator can change it");
        }
        String name = command.name() == null ? room.name() : command.name().strip();
        if (name.isEmpty() || name.length() > 255) {
            throw ChatException.invalid("name", "between 1 and 255 characters");
        }
        String moderatorId = room.moderatorId();
        if (command.moderatorId() != null) {
            moderatorId = command.moderatorId().isEmpty()
                    ? null
                    : UserService.requireValidId(command.moderatorId(), "moderator");
            if (moderatorId != null) {
                users.ensureExists(List.of(moderatorId));
            }
        }
        rooms.updateSettings(
                roomId,
                name,
                command.allowFileSharing() == null ? room.allowFileSharing() : command.allowFileSharing(),
                command.isModerated() == null ? room.isModerated() : command.isModerated(),
                moderatorId,
                Timestamps.now(clock));
        events.publishEvent(new RoomChanged(roomId));
        return rooms.find(roomId).orElseThrow();
    }

    /** Puts a room under legal hold (retention leaves its messages alone) or lifts it: the platform's call. */
    @Transactional
    public Room setLegalHold(UUID roomId, boolean legalHold) {
        access.require(roomId);
        rooms.updateLegalHold(roomId, legalHold, Timestamps.now(clock));
        events.publishEvent(new RoomChanged(roomId));
        return rooms.find(roomId).orElseThrow();
    }
}
