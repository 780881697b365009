package com.sudamall.chat.room.internal;

import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.Product;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.room.Conversation;
import com.sudamall.chat.room.Conversations;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomActivity;
import com.sudamall.chat.room.RoomTitles;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Renders rooms as API.md's Room object, looking up users, stores, products and activity once per page. */
@Component
class RoomRepresentation {

    private static final RoomActivity.Summary NO_ACTIVITY = new RoomActivity.Summary(null, 0, 0);

    private final MemberRepository members;
    private final UserService users;
    private final CommerceService commerce;
    private final RoomActivity activity;
    private final Conversations conversations;

    RoomRepresentation(
            MemberRepository members,
            UserService users,
            CommerceService commerce,
            RoomActivity activity,
            Conversations conversations) {
        this.members = members;
        this.conversations = conversations;
        this.users = users;
        this.commerce = commerce;
        this.activity = activity;
    }

    RoomJson render(Room room, String readerId) {
        return render(List.of(room), readerId).getFirst();
    }

    List<RoomJson> render(List<Room> rooms, String readerId) {
        Map<UUID, List<Member>> membersByRoom =
                members.members(rooms.stream().map(Room::id).toList());
        Map<UUID, Conversation> desk = conversations.of(rooms.stream()
                .filter(room -> room.type().isConversation())
                .map(Room::id)
                .toList());
        Set<String> userIds = new HashSet<>();
        desk.values().stream()
                .map(Conversation::assigneeId)
                .filter(Objects::nonNull)
                .forEach(userIds::add);
        membersByRoom.values().forEach(list -> list.forEach(m -> userIds.add(m.userId())));
        rooms.forEach(r -> Stream.of(r.createdBy(), r.moderatorId(), r.customerId())
                .filter(Objects::nonNull)
                .forEach(userIds::add));
        Map<String, User> cards = users.cards(userIds);
        Map<String, Store> stores = commerce.stores(
                rooms.stream().map(Room::storeId).filter(Objects::nonNull).toList());
        Map<String, Product> products = commerce.products(
                rooms.stream().map(Room::productId).filter(Objects::nonNull).toList());
        Map<UUID, RoomActivity.Summary> summaries = activity.summaries(readerId, rooms);
        return rooms.stream()
                .map(room -> {
                    List<User> participants = membersByRoom.getOrDefault(room.id(), List.of()).stream()
                            .map(m -> cards.get(m.userId()))
                            .filter(Objects::nonNull)
                            .toList();
                    Store store = room.storeId() == null ? null : stores.get(room.storeId());
                    Product product = room.productId() == null ? null : products.get(room.productId());
                    RoomActivity.Summary summary = summaries.getOrDefault(room.id(), NO_ACTIVITY);
                    Conversation conversation = desk.get(room.id());
                    return new RoomJson(
                            room.id(),
                            room.name(),
                            RoomTitles.title(room, readerId, store == null ? null : store.name(), participants),
                            room.type(),
                            store == null ? null : store.card(),
                            product == null ? null : product.card(),
                            participants,
                            participants.size(),
                            room.maxParticipants(),
                            room.isActive(),
                            room.isPrivate(),
                            room.allowFileSharing(),
                            room.isModerated(),
                            summary.lastMessage(),
                            room.lastMessageAt(),
                            summary.unreadCount(),
                            summary.unreadMentions(),
                            membersByRoom.getOrDefault(room.id(), List.of()).stream()
                                    .anyMatch(m -> m.userId().equals(readerId) && m.muted()),
                            room.createdAt(),
                            room.updatedAt(),
                            room.createdBy() == null ? null : cards.get(room.createdBy()),
                            room.moderatorId() == null ? null : cards.get(room.moderatorId()),
                            room.customerId() == null ? null : cards.get(room.customerId()),
                            conversation == null ? null : conversation.status(),
                            conversation == null ? null : conversation.snoozedUntil(),
                            conversation == null || conversation.assigneeId() == null
                                    ? null
                                    : cards.get(conversation.assigneeId()),
                            conversation == null ? List.of() : conversation.labels(),
                            conversation == null ? null : conversation.firstResponseAt(),
                            conversation == null ? null : conversation.resolvedAt());
                })
                .toList();
    }
}
