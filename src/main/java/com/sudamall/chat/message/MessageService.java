package com.sudamall.chat.message;

import com.sudamall.chat.attachment.Attachment;
import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.OrderSnapshot;
import com.sudamall.chat.commerce.Product;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.message.internal.MessageRepository;
import com.sudamall.chat.message.internal.MessageRepresentation;
import com.sudamall.chat.message.internal.MessageRow;
import com.sudamall.chat.message.internal.MessageStore;
import com.sudamall.chat.room.Conduct;
import com.sudamall.chat.room.Conversations;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.ChatException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Sending, editing and deleting messages: the one send path behind REST and WebSocket alike, with the same
 * validation and the same errors whichever door a message comes in by.
 */
@Service
public class MessageService {

    private final RoomAccess access;
    private final MessageStore store;
    private final MessageRepository messages;
    private final MessageRepresentation representation;
    private final CommerceService commerce;
    private final AttachmentService attachments;
    private final ContentScreen screen;
    private final Conduct conduct;
    private final MessageRules rules;
    private final Conversations conversations;

    MessageService(
            RoomAccess access,
            MessageStore store,
            MessageRepository messages,
            MessageRepresentation representation,
            CommerceService commerce,
            AttachmentService attachments,
            ContentScreen screen,
            Conduct conduct,
            MessageRules rules,
            Conversations conversations) {
        this.access = access;
        this.store = store;
        this.messages = messages;
        this.representation = representation;
        this.commerce = commerce;
        this.attachments = attachments;
        this.screen = screen;
        this.conduct = conduct;
        this.rules = rules;
        this.conversations = conversations;
    }

    /**
     * The outcome of a send.
     *
     * @param message the stored message
     * @param isNew false when an earlier send with the same {@code client_msg_id} was returned
     */
    public record Sent(Message message, boolean isNew) {}

    /**
     * Sends a text message, or an uploaded file with an optional caption (its type, {@code image} or {@code file},
     * from the file's detected type), as a participant of the room.
     */
    public Sent send(SendMessage command) {
        Room room = access.requireSender(command.sender(), command.roomId());
        conduct.checkSend(command.sender().id(), room);
        checkClientMsgId(command.clientMsgId());
        if (command.type() == MessageType.NOTE) {
            return sendNote(room, command);
        }
        if (command.attachmentId() != null) {
            return sendFile(room, command, command.attachmentId());
        }
        if (command.type() != MessageType.TEXT) {
            throw ChatException.invalid(
                    "message_type",
                    command.type() == MessageType.IMAGE || command.type() == MessageType.FILE
                            ? "an image or file message needs an attachment (or a multipart file)"
                            : "send_message sends text and files; use share_product or share_order");
        }
        return storeSend(room, command, MessageType.TEXT, rules.checkText(command.content()), null);
    }

    /**
     * An internal note of the store desk: text the team that answers a conversation writes for itself. It takes the
     * room's next seq like any message, and never reaches the customer ({@link Room#hidesNotesFrom}). The content
     * filters and pre-moderation guard what the other side reads, and the customer never reads a note: neither
     * applies.
     */
    private Sent sendNote(Room room, SendMessage command) {
        if (!room.type().isConversation()) {
            throw ChatException.invalid(
                    "message_type", "notes are written in customer_store and customer_support rooms");
        }
        if (!conversations.isTeam(command.sender(), room)) {
            throw ChatException.forbidden("Only the team that answers this conversation can write notes");
        }
        if (command.attachmentId() != null) {
            throw ChatException.invalid("message_type", "a note is text only");
        }
        String content = rules.checkText(command.content());
        if (command.replyTo() != null) {
            rules.requireInRoom(command.replyTo(), room, command.sender().id(), "reply_to");
        }
        MessageStore.Draft draft = new MessageStore.Draft(
                        MessageType.NOTE, content, command.replyTo(), command.clientMsgId(), null, null)
                .naming(rules.checkMentions(room, command.sender().id(), command.mentions(), true));
        return store.store(room, command.sender().id(), draft);
    }

    /** Stores a text or file send, once its reply target is checked to be in the room and seen by all of it. */
    private Sent storeSend(
            Room room, SendMessage command, MessageType type, String content, @Nullable UUID attachmentId) {
        if (command.replyTo() != null
                && rules.requireInRoom(command.replyTo(), room, command.sender().id(), "reply_to")
                                .type()
                        == MessageType.NOTE) {
            // the customer would see an answer to what they can never read
            throw ChatException.invalid("reply_to", "only a note can answer a note");
        }
        MessageStore.Draft draft = new MessageStore.Draft(
                        type, content, command.replyTo(), command.clientMsgId(), null, attachmentId)
                .naming(rules.checkMentions(room, command.sender().id(), command.mentions(), false));
        MessageStore.Draft checked =
                moderated(room, command.sender(), content.isEmpty() ? draft : screened(room, draft));
        return forWriter(command.sender(), store.store(room, command.sender().id(), checked));
    }

    private MessageStore.Draft screened(Room room, MessageStore.Draft draft) {
        return draft.screened(screen.screen(room, draft.content()));
    }

    /** In a pre-moderated room, what others than moderators write waits for a moderator's approval. */
    private MessageStore.Draft moderated(Room room, CurrentUser writer, MessageStore.Draft draft) {
        return room.isModerated() && !access.canModerate(writer, room) ? draft.hold() : draft;
    }

    /** The writer sees the whole of a message the filters masked for the others. */
    private Sent forWriter(CurrentUser writer, Sent sent) {
        if (!sent.message().isMasked()) {
            return sent;
        }
        MessageRow row = messages.find(sent.message().id()).orElseThrow();
        return new Sent(
                representation
                        .renderFor(writer.id(), writer.isModerator(), List.of(row))
                        .getFirst(),
                sent.isNew());
    }

    private Sent sendFile(Room room, SendMessage command, UUID attachmentId) {
        if (command.type() != MessageType.TEXT
                && command.type() != MessageType.IMAGE
                && command.type() != MessageType.FILE) {
            throw ChatException.invalid("message_type", "a file is sent as text, image or file");
        }
        AttachmentService.requireFileSharing(room);
        if (command.clientMsgId() != null) {
            // a retry: its upload is already carried by the first send, which is the answer
            MessageRepository.ClientKey key =
                    new MessageRepository.ClientKey(room.id(), command.sender().id(), command.clientMsgId());
            MessageRow earlier = messages.findByClientKeys(List.of(key)).get(key);
            if (earlier != null) {
                return new Sent(
                        representation
                                .renderFor(command.sender().id(), false, List.of(earlier))
                                .getFirst(),
                        false);
            }
        }
        Attachment attachment = attachments.requireSendable(command.sender(), room.id(), attachmentId);
        String caption =
                command.content() == null || command.content().isBlank() ? "" : rules.checkText(command.content());
        return storeSend(
                room, command, attachment.image() ? MessageType.IMAGE : MessageType.FILE, caption, attachment.id());
    }

    /** Shares a product card; the card is kept as it is now. */
    public Sent shareProduct(CurrentUser sender, UUID roomId, String productId, @Nullable String text) {
        Room room = access.requireSender(sender, roomId);
        conduct.checkSend(sender.id(), room);
        Product product = commerce.requireProduct(productId, "product");
        boolean written = text != null && !text.isBlank();
        String content = written ? rules.checkText(text) : "Check out this product: " + product.name();
        MessageStore.Draft draft = new MessageStore.Draft(
                MessageType.PRODUCT,
                content,
                null,
                null,
                new MessageStore.Reference("product", product.id(), product.card()),
                null);
        return forWriter(
                sender,
                store.store(room, sender.id(), moderated(room, sender, written ? screened(room, draft) : draft)));
    }

    /**
     * Shares an order summary. Only the order's customer, the owner or staff of its store, and moderators may share
     * an order.
     */
    public Sent shareOrder(CurrentUser sender, UUID roomId, String orderId, @Nullable String text) {
        Room room = access.requireSender(sender, roomId);
        conduct.checkSend(sender.id(), room);
        OrderSnapshot order = commerce.requireOrder(orderId, "order");
        boolean allowed = sender.id().equals(order.customerId())
                || sender.isModerator()
                || commerce.findStore(order.storeId())
                        .map(s -> s.isStoreSide(sender.id()))
                        .orElse(false);
        if (!allowed) {
            throw ChatException.forbidden("Only the order's customer, its store or a moderator can share this order");
        }
        boolean written = text != null && !text.isBlank();
        String content = written ? rules.checkText(text) : "Order reference: " + order.orderNumber();
        MessageStore.Draft draft = new MessageStore.Draft(
                MessageType.ORDER,
                content,
                null,
                null,
                new MessageStore.Reference("order", order.id(), order.card()),
                null);
        return forWriter(
                sender,
                store.store(room, sender.id(), moderated(room, sender, written ? screened(room, draft) : draft)));
    }

    /** A message from the platform itself ({@code message_type} system, no sender). */
    public Message postSystem(UUID roomId, @Nullable String text) {
        Room room = access.require(roomId);
        RoomAccess.requireActive(room);
        return store.store(
                        room,
                        null,
                        new MessageStore.Draft(MessageType.SYSTEM, rules.checkText(text), null, null, null, null))
                .message();
    }

    private static void checkClientMsgId(@Nullable String clientMsgId) {
        if (clientMsgId != null && (clientMsgId.isEmpty() || clientMsgId.length() > 100)) {
            throw ChatException.invalid("client_msg_id", "between 1 and 100 characters");
        }
    }
}
