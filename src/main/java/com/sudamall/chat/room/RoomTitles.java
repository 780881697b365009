package com.sudamall.chat.room;

import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a room is called for one reader. A room keeps the seed's default name ("Customer_Store Chat", which the seed's
 * clients still read in {@code name}); people see who the room is with instead: the store for its customer, the
 * customer for the store's team, the other person of a private room. A name someone gave the room stays.
 */
@Component
public class RoomTitles {

    /** What a customer sees for a support conversation. */
    static final String SUPPORT = "Sudamall support";

    private final CommerceService commerce;
    private final UserService users;
    private final RoomAccess access;

    RoomTitles(CommerceService commerce, UserService users, RoomAccess access) {
        this.commerce = commerce;
        this.users = users;
        this.access = access;
    }

    /** The room's title for this reader: see {@link #titlesFor}. */
    public String titleFor(UUID roomId, String readerId) {
        return titlesFor(roomId, List.of(readerId)).get(readerId);
    }

    /**
     * The room's title for each of these readers, looking up the room, its store and people once (as stored: the
     * caller may be in the transaction that is changing them).
     */
    public Map<String, String> titlesFor(UUID roomId, Collection<String> readerIds) {
        Room room = access.require(roomId);
        if (!hasDefaultName(room)) {
            return readerIds.stream().distinct().collect(Collectors.toMap(id -> id, id -> room.name()));
        }
        List<String> memberIds =
                access.members(roomId).stream().map(Member::userId).toList();
        Map<String, User> cards = users.cards(memberIds);
        List<@Nullable User> participants = memberIds.stream().map(cards::get).toList();
        String storeName = Optional.ofNullable(room.storeId())
                .flatMap(commerce::findStore)
                .map(Store::name)
                .orElse(null);
        return readerIds.stream()
                .distinct()
                .collect(Collectors.toMap(id -> id, id -> title(room, id, storeName, participants)));
    }

    /** The room's title for this reader, with its store's name and its participants at hand. */
    public static String title(
            Room room, String readerId, @Nullable String storeName, List<@Nullable User> participants) {
        if (!hasDefaultName(room)) {
            return room.name();
        }
        boolean customer = readerId.equals(room.customerId());
        String customerName = participants.stream()
                .filter(Objects::nonNull)
                .filter(p -> p.id().equals(room.customerId()))
                .map(User::name)
                .findFirst()
                .orElse(null);
        String title = switch (room.type()) {
            case CUSTOMER_STORE -> customer ? storeName : customerName;
            case CUSTOMER_SUPPORT -> customer ? SUPPORT : customerName;
            case PRIVATE -> others(participants, readerId);
            case GROUP -> null;
        };
        return title == null || title.isBlank() ? room.name() : title;
    }

    /** A group keeps its name, default or not: it has no one "other party" to be called after. */
    private static boolean hasDefaultName(Room room) {
        return room.type() != RoomType.GROUP && room.name().equals(room.type().defaultName());
    }

    private static String others(List<@Nullable User> participants, String readerId) {
        return participants.stream()
                .filter(Objects::nonNull)
                .filter(p -> !p.id().equals(readerId))
                .map(User::name)
                .collect(Collectors.joining(", "));
    }
}
