package com.sudamall.chat.desk.internal;

import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.OrderSnapshot;
import com.sudamall.chat.commerce.Product;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.MessageService;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.message.SendMessage;
import com.sudamall.chat.room.Conversations;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * A store's canned replies: kept by its team (owner, staff, and moderators), picked by shortcut in a conversation,
 * and sent with their variables filled from it. Anyone else finds neither the store's replies nor the endpoints.
 */
@Service
class CannedReplies {

    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final int MAX_BODY = 5000;

    /** A reply as it reads in one conversation. */
    record Filled(CannedReply reply, String text) {}

    private final CannedReplyRepository replies;
    private final StoreTeams teams;
    private final CommerceService commerce;
    private final RoomAccess access;
    private final Conversations conversations;
    private final UserService users;
    private final MessageService messages;
    private final Clock clock;

    CannedReplies(
            CannedReplyRepository replies,
            StoreTeams teams,
            CommerceService commerce,
            RoomAccess access,
            Conversations conversations,
            UserService users,
            MessageService messages,
            Clock clock) {
        this.replies = replies;
        this.teams = teams;
        this.commerce = commerce;
        this.access = access;
        this.conversations = conversations;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    List<CannedReply> list(CurrentUser user, String storeId) {
        return replies.findAll(teams.require(user, storeId).id(), null);
    }

    CannedReply create(CurrentUser user, String storeId, @Nullable String shortcut, @Nullable String body) {
        Store store = teams.require(user, storeId);
        Instant now = Timestamps.now(clock);
        CannedReply reply = new CannedReply(UUID.randomUUID(), checkedShortcut(shortcut), checkedBody(body), now, now);
        try {
            replies.insert(store.id(), reply, user.id());
        } catch (DuplicateKeyException e) {
            throw taken(reply.shortcut());
        }
        return reply;
    }

    CannedReply update(CurrentUser user, String storeId, UUID id, @Nullable String shortcut, @Nullable String body) {
        Store store = teams.require(user, storeId);
        CannedReply reply = replies.find(store.id(), id).orElseThrow(() -> ChatException.notFound("Canned reply"));
        String newShortcut = shortcut == null ? reply.shortcut() : checkedShortcut(shortcut);
        String newBody = body == null ? reply.body() : checkedBody(body);
        try {
            replies.update(store.id(), id, newShortcut, newBody, Timestamps.now(clock));
        } catch (DuplicateKeyException e) {
            throw taken(newShortcut);
        }
        return replies.find(store.id(), id).orElseThrow();
    }

    void delete(CurrentUser user, String storeId, UUID id) {
        if (!replies.delete(teams.require(user, storeId).id(), id)) {
            throw ChatException.notFound("Canned reply");
        }
    }

    /** The replies of the conversation's store whose shortcut starts with {@code prefix}, filled for it. */
    List<Filled> forRoom(CurrentUser user, UUID roomId, @Nullable String prefix) {
        Room room = teamRoom(user, roomId);
        if (room.storeId() == null) {
            return List.of();
        }
        Map<String, String> values = values(room);
        return replies.findAll(room.storeId(), prefix == null || prefix.isBlank() ? null : prefix.strip()).stream()
                .map(reply -> new Filled(reply, ReplyVariables.fill(reply.body(), values)))
                .toList();
    }

    /** Sends the reply, filled, as the caller: a message like any other, through the one send path. */
    MessageService.Sent send(CurrentUser user, UUID roomId, UUID replyId, @Nullable String clientMsgId) {
        Room room = teamRoom(user, roomId);
        CannedReply reply = room.storeId() == null
                ? null
                : replies.find(room.storeId(), replyId).orElse(null);
        if (reply == null) {
            throw ChatException.notFound("Canned reply");
        }
        String text = ReplyVariables.fill(reply.body(), values(room));
        return messages.send(new SendMessage(user, roomId, MessageType.TEXT, text, null, clientMsgId, null, List.of()));
    }

    private Map<String, String> values(Room room) {
        Map<String, String> values = new HashMap<>();
        if (room.customerId() != null) {
            User customer = users.cards(List.of(room.customerId())).get(room.customerId());
            if (customer != null) {
                values.put("customer_name", customer.name());
            }
        }
        if (room.storeId() != null) {
            commerce.findStore(room.storeId()).ifPresent(store -> values.put("store_name", store.name()));
            if (room.customerId() != null) {
                List<OrderSnapshot> orders = commerce.ordersOf(room.customerId(), room.storeId(), 1);
                if (!orders.isEmpty()) {
                    values.put("order_number", orders.getFirst().orderNumber());
                }
            }
        }
        if (room.productId() != null) {
            Product product = commerce.products(List.of(room.productId())).get(room.productId());
            if (product != null) {
                values.put("product_name", product.name());
            }
        }
        return values;
    }

    /** The conversation, if the user answers it; its customer gets 403, anyone else 404. */
    private Room teamRoom(CurrentUser user, UUID roomId) {
        Room room = access.requireVisible(user, roomId);
        if (!conversations.isTeam(user, room)) {
            throw ChatException.forbidden("Only the store's team uses its canned replies");
        }
        return room;
    }

    private static String checkedShortcut(@Nullable String shortcut) {
        if (shortcut == null || !SHORTCUT.matcher(shortcut).matches()) {
            throw ChatException.invalid(
                    "shortcut", "1 to 32 lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        return shortcut;
    }

    private static String checkedBody(@Nullable String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw ChatException.invalid("body", "between 1 and " + MAX_BODY + " characters");
        }
        ReplyVariables.check(text);
        return text;
    }

    private static ChatException taken(String shortcut) {
        return new ChatException(ErrorCode.CONFLICT, "The store has a canned reply /" + shortcut + " already");
    }
}
