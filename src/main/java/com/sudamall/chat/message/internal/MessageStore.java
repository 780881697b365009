package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.ContentScreen;
import com.sudamall.chat.message.MessageService;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.room.Room;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The write half of the send path: a transaction numbers the message, inserts it, moves the sender's read cursor and
 * publishes {@link com.sudamall.chat.message.MessageSent}; concurrent sends share that transaction ({@link
 * WriteLanes}). A retry with the same {@code client_msg_id} returns the stored message: either found in its batch,
 * or, when two retries race on two nodes, by the idempotency constraint rolling the loser back (which also gives its
 * seq back).
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
     * @param attachmentId the uploaded file it carries
     * @param mentions the room's users the text names, checked; kept for numbered messages
     */
    public record Draft(
            MessageType type,
            String content,
            @Nullable UUID replyTo,
            @Nullable String clientMsgId,
            @Nullable Reference reference,
            @Nullable UUID attachmentId,
            @Nullable String original,
            @Nullable String flagReason,
            boolean held,
            List<String> mentions) {

        /** A draft of text the content screen let through as it is. */
        public Draft(
                MessageType type,
                String content,
                @Nullable UUID replyTo,
                @Nullable String clientMsgId,
                @Nullable Reference reference,
                @Nullable UUID attachmentId) {
            this(type, content, replyTo, clientMsgId, reference, attachmentId, null, null, false, List.of());
        }

        /** The draft with its text as the content screen left it. */
        public Draft screened(ContentScreen.Screened screened) {
            return new Draft(
                    type,
                    screened.content(),
                    replyTo,
                    clientMsgId,
                    reference,
                    attachmentId,
                    screened.original(),
                    screened.flagReason(),
                    held,
                    mentions);
        }

        /** The draft held for a moderator's approval: stored without a seq, shown to its sender and moderators. */
        public Draft hold() {
            return new Draft(
                    type, content, replyTo, clientMsgId, reference, attachmentId, original, flagReason, true, mentions);
        }

        /** The draft naming these users, already checked to be of the room. */
        public Draft naming(List<String> named) {
            return new Draft(
                    type,
                    content,
                    replyTo,
                    clientMsgId,
                    reference,
                    attachmentId,
                    original,
                    flagReason,
                    held,
                    List.copyOf(named));
        }
    }

    /**
     * A product or order share.
     *
     * @param type {@code product} or {@code order}
     * @param id the platform's id
     * @param snapshot the card to keep
     */
    public record Reference(String type, String id, Object snapshot) {}

    private final WriteLanes lanes;

    MessageStore(WriteLanes lanes) {
        this.lanes = lanes;
    }

    public MessageService.Sent store(Room room, @Nullable String senderId, Draft draft) {
        return lanes.write(new BatchWriter.Send(room, senderId, draft));
    }
}
