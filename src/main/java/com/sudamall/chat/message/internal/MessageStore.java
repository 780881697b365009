package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageSent;
import com.sudamall.chat.message.MessageService;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write half of the send path: one transaction numbers the message, inserts it, moves the sender's read cursor
 * and publishes {@link MessageSent}. A retry with the same {@code client_msg_id} returns the stored message: either
 * found up front, or, when two retries race, by the idempotency constraint rolling the loser back (which also gives
 * its seq back).
 */
@Component
public class MessageStore {

    /**
     * What to store, already validated.
     *
     * @param type message type
     * @param content text
     * @param replyTo the message answered
     * @param clientMsgId idempotency key
     * @param reference the shared product or order
     */
    public record Draft(
            MessageType type,
            String content,
            @Nullable UUID replyTo,
            @Nullable String clientMsgId,
            @Nullable Reference reference) {}

    /**
     * A product or order share.
     *
     * @param type {@code product} or {@code order}
     * @param id the platform's id
     * @param snapshot the card to keep
     */
    public record Reference(String type, String id, Object snapshot) {}

    private final MessageRepository messages;
    private final SequenceAllocator sequences;
    private final ReadCursorRepository cursors;
    private final MessageRepresentation representation;
    private final ApplicationEventPublisher events;
    private final RoomAccess access;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    MessageStore(
            MessageRepository messages,
            SequenceAllocator sequences,
            ReadCursorRepository cursors,
            MessageRepresentation representation,
            ApplicationEventPublisher events,
            RoomAccess access,
            TransactionTemplate transactions,
            JsonMapper json,
            Clock clock) {
        this.messages = messages;
        this.sequences = sequences;
        this.cursors = cursors;
        this.representation = representation;
        this.events = events;
        this.access = access;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public MessageService.Sent store(Room room, @Nullable String senderId, Draft draft) {
        Optional<MessageService.Sent> earlier = earlier(room.id(), senderId, draft.clientMsgId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return new MessageService.Sent(transactions.execute(tx -> insert(room, senderId, draft)), true);
        } catch (DuplicateKeyException e) {
            return earlier(room.id(), senderId, draft.clientMsgId()).orElseThrow(() -> e);
        }
    }

    private Optional<MessageService.Sent> earlier(
            UUID roomId, @Nullable String senderId, @Nullable String clientMsgId) {
        if (senderId == null || clientMsgId == null) {
            return Optional.empty();
        }
        return messages.findByClientMsgId(roomId, senderId, clientMsgId)
                .map(row -> new MessageService.Sent(representation.render(row), false));
    }

    private Message insert(Room room, @Nullable String senderId, Draft draft) {
        Instant now = Timestamps.now(clock);
        long seq = sequences.next(room.id(), now);
        Reference ref = draft.reference();
        MessageRow row = new MessageRow(
                UUID.randomUUID(),
                room.id(),
                seq,
                senderId,
                draft.type(),
                draft.content(),
                draft.clientMsgId(),
                draft.replyTo(),
                ref == null ? null : ref.type(),
                ref == null ? null : ref.id(),
                ref == null ? null : json.writeValueAsString(ref.snapshot()),
                null,
                "approved",
                false,
                false,
                false,
                now,
                null);
        messages.insert(row);
        if (senderId != null) {
            // Sending implies having read the room up to one's own message.
            cursors.advance(room.id(), senderId, seq, now);
        }
        List<Member> members = access.members(room.id());
        Message message = representation.renderNew(row, members);
        events.publishEvent(new MessageSent(
                message, message.sender() == null ? null : message.sender().name(), members));
        return message;
    }
}
