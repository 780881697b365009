package com.sudamall.chat.message;

import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.message.internal.MessageRepository;
import com.sudamall.chat.message.internal.MessageRepresentation;
import com.sudamall.chat.message.internal.MessageRetentionRepository;
import com.sudamall.chat.message.internal.MessageRetentionRepository.Erasable;
import com.sudamall.chat.message.internal.ReactionRepository;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's messages for a privacy request: all of them for an export, emptied for an erasure. */
@Service
public class MessagePrivacy {

    private static final int CHUNK = 1000;

    private final MessageRepository messages;
    private final MessageRetentionRepository retained;
    private final MessageRepresentation representation;
    private final AttachmentService attachments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReactionRepository reactions;

    MessagePrivacy(
            MessageRepository messages,
            MessageRetentionRepository retained,
            MessageRepresentation representation,
            AttachmentService attachments,
            ApplicationEventPublisher events,
            Clock clock,
            ReactionRepository reactions) {
        this.messages = messages;
        this.retained = retained;
        this.representation = representation;
        this.attachments = attachments;
        this.events = events;
        this.clock = clock;
        this.reactions = reactions;
    }

    /** Every message the user sent, oldest first. */
    public List<Message> sentBy(String userId) {
        return representation.renderFor(userId, false, retained.findBySender(userId));
    }

    /**
     * Empties every message the user sent, as a delete does: each keeps its id and seq, its text and file are gone,
     * and participants' sockets are told. Rooms under legal hold keep theirs. The user's reactions go too. In the
     * caller's transaction; returns how many were emptied.
     */
    @Transactional
    public int eraseSentBy(String userId) {
        reactions.removeAllOf(userId);
        List<Erasable> erasable = retained.findErasable(userId);
        Instant now = Timestamps.now(clock);
        for (int from = 0; from < erasable.size(); from += CHUNK) {
            List<Erasable> chunk = erasable.subList(from, Math.min(erasable.size(), from + CHUNK));
            List<UUID> ids = chunk.stream().map(Erasable::id).toList();
            messages.markAllDeleted(ids, now);
            attachments.release(chunk.stream()
                    .map(Erasable::attachmentId)
                    .filter(Objects::nonNull)
                    .toList());
            events.publishEvent(new MessagesExpired(ids));
        }
        erasable.stream()
                .filter(m -> m.seq() != null)
                .forEach(m -> events.publishEvent(new MessageDeleted(
                        m.roomId(), m.id(), m.seq(), MessageType.NOTE.wireName().equals(m.messageType()))));
        return erasable.size();
    }
}
