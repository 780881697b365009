package com.sudamall.chat.message;

import com.sudamall.chat.attachment.Attachment;
import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.OrderSnapshot;
import com.sudamall.chat.commerce.Product;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.message.internal.MessageModerationRepository;
import com.sudamall.chat.message.internal.MessageProperties;
import com.sudamall.chat.message.internal.MessageRepository;
import com.sudamall.chat.message.internal.MessageRepresentation;
import com.sudamall.chat.message.internal.MessageRow;
import com.sudamall.chat.message.internal.MessageStore;
import com.sudamall.chat.room.Conduct;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomNotFoundException;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sending, editing and deleting messages: the one send path behind REST and WebSocket alike, with the same
 * validation and the same errors whichever door a message comes in by.
 */
@Service
public class MessageService {

    private final RoomAccess access;
    private final MessageStore store;
    private final MessageRepository messages;
    private final MessageModerationRepository moderationState;
    private final MessageRepresentation representation;
    private final CommerceService commerce;
    private final AttachmentService attachments;
    private final MessageProperties properties;
    private final ContentScreen screen;
    private final Conduct conduct;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageService(
            RoomAccess access,
            MessageStore store,
            MessageRepository messages,
            MessageModerationRepository moderationState,
            MessageRepresentation representation,
            CommerceService commerce,
            AttachmentService attachments,
            MessageProperties properties,
            ContentScreen screen,
            Conduct conduct,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.store = store;
        this.messages = messages;
        this.moderationState = moderationState;
        this.representation = representation;
        this.commerce = commerce;
        this.attachments = attachments;
        this.properties = properties;
        this.screen = screen;
        this.conduct = conduct;
        this.events = events;
        this.clock = clock;
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
        return storeSend(room, command, MessageType.TEXT, checkText(command.content()), null);
    }

    /** Stores a text or file send, once its reply target is checked to be in the room. */
    private Sent storeSend(
            Room room, SendMessage command, MessageType type, String content, @Nullable UUID attachmentId) {
        if (command.replyTo() != null) {
            requireInRoom(command.replyTo(), room.id(), "reply_to");
        }
        MessageStore.Draft draft =
                new MessageStore.Draft(type, content, command.replyTo(), command.clientMsgId(), null, attachmentId);
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
        String caption = command.content() == null || command.content().isBlank() ? "" : checkText(command.content());
        return storeSend(
                room, command, attachment.image() ? MessageType.IMAGE : MessageType.FILE, caption, attachment.id());
    }

    /** Shares a product card; the card is kept as it is now. */
    public Sent shareProduct(CurrentUser sender, UUID roomId, String productId, @Nullable String text) {
        Room room = access.requireSender(sender, roomId);
        conduct.checkSend(sender.id(), room);
        Product product = commerce.requireProduct(productId, "product");
        boolean written = text != null && !text.isBlank();
        String content = written ? checkText(text) : "Check out this product: " + product.name();
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
        String content = written ? checkText(text) : "Order reference: " + order.orderNumber();
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
                        room, null, new MessageStore.Draft(MessageType.SYSTEM, checkText(text), null, null, null, null))
                .message();
    }

    /** Changes the text of one's own message within the edit window. */
    @Transactional
    public Message edit(CurrentUser user, UUID roomId, UUID messageId, @Nullable String text) {
        Room room = access.requireVisible(user, roomId);
        conduct.checkSend(user.id(), room);
        if (room.isModerated() && !access.canModerate(user, room)) {
            // an approved message edited would reach the room unreviewed
            throw ChatException.forbidden("Messages in a moderated room can't be edited");
        }
        MessageRow row = requireInRoom(messageId, roomId, null);
        if (!user.id().equals(row.senderId())) {
            throw ChatException.forbidden("Only the sender can edit a message");
        }
        if (row.isDeleted()) {
            throw new ChatException(ErrorCode.CONFLICT, "The message was deleted");
        }
        Instant now = Timestamps.now(clock);
        if (Duration.between(row.sentAt(), now).compareTo(properties.editWindow()) > 0) {
            throw new ChatException(
                    ErrorCode.EDIT_WINDOW_CLOSED,
                    "Messages can be edited for " + properties.editWindow().toMinutes() + " minutes after sending");
        }
        ContentScreen.Screened screened = screen.screen(room, checkText(text));
        messages.updateContent(messageId, screened.content(), screened.original(), now);
        if (screened.flagReason() != null) {
            moderationState.markFlagged(messageId, screened.flagReason());
        }
        MessageRow stored = messages.find(messageId).orElseThrow();
        Message edited = representation.render(stored);
        events.publishEvent(new MessageEdited(edited, screened.flagReason()));
        return representation
                .renderFor(user.id(), user.isModerator(), List.of(stored))
                .getFirst();
    }

    /** Deletes a message, keeping its id and seq: by its sender or a moderator of the room. */
    @Transactional
    public void delete(CurrentUser user, UUID roomId, UUID messageId) {
        Room room = access.requireVisible(user, roomId);
        MessageRow row = requireInRoom(messageId, roomId, null);
        if (!user.id().equals(row.senderId()) && !access.canModerate(user, room)) {
            throw ChatException.forbidden("Only the sender or a moderator can delete a message");
        }
        if (!row.isDeleted()) {
            messages.markDeleted(messageId, Timestamps.now(clock));
            if (row.attachmentId() != null) {
                attachments.release(List.of(row.attachmentId()));
            }
            events.publishEvent(new MessageDeleted(roomId, messageId, row.seq()));
        }
    }

    /** The message, if the user may see it; one in a room the user is not in is as unknown as one that never was. */
    public Message requireVisible(CurrentUser user, UUID messageId) {
        MessageRow row = messages.find(messageId).orElseThrow(() -> ChatException.notFound("Message"));
        try {
            access.requireVisible(user, row.roomId());
        } catch (RoomNotFoundException e) {
            throw ChatException.notFound("Message");
        }
        if (row.seq() == null && !user.id().equals(row.senderId()) && !user.isModerator()) {
            throw ChatException.notFound("Message");
        }
        return representation
                .renderFor(user.id(), user.isModerator(), List.of(row))
                .getFirst();
    }

    /** Records that the message was reported. */
    @Transactional
    public void markFlagged(UUID messageId, String reason) {
        moderationState.markFlagged(messageId, reason);
    }

    private MessageRow requireInRoom(UUID messageId, UUID roomId, @Nullable String field) {
        return messages.find(messageId)
                .filter(m -> m.roomId().equals(roomId) && m.seq() != null)
                .orElseThrow(() -> field == null
                        ? ChatException.notFound("Message")
                        : ChatException.invalid(field, "no such message in this room"));
    }

    private String checkText(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new ChatException(ErrorCode.EMPTY_CONTENT, "Message content cannot be empty");
        }
        if (text.codePointCount(0, text.length()) > properties.maxLength()) {
            throw new ChatException(
                    ErrorCode.MESSAGE_TOO_LONG,
                    "Message content exceeds " + properties.maxLength() + " characters",
                    Map.of("content", "too long"));
        }
        return text;
    }

    private static void checkClientMsgId(@Nullable String clientMsgId) {
        if (clientMsgId != null && (clientMsgId.isEmpty() || clientMsgId.length() > 100)) {
            throw ChatException.invalid("client_msg_id", "between 1 and 100 characters");
        }
    }
}
