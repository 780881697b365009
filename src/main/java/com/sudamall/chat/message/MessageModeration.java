package com.sudamall.chat.message;

import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.message.internal.MentionRepository;
import com.sudamall.chat.message.internal.MessageModerationRepository;
import com.sudamall.chat.message.internal.MessageRepository;
import com.sudamall.chat.message.internal.MessageRepresentation;
import com.sudamall.chat.message.internal.MessageRow;
import com.sudamall.chat.message.internal.ReadCursors;
import com.sudamall.chat.message.internal.SequenceAllocator;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What moderators do to messages: see them whole with the messages around them, approve, hide (reject) or delete
 * them. The caller checks that the user is a moderator and runs these in its transaction.
 */
@Service
public class MessageModeration {

    private final MessageRepository messages;
    private final MessageModerationRepository moderationState;
    private final MessageRepresentation representation;
    private final SequenceAllocator sequences;
    private final ReadCursors cursors;
    private final RoomAccess rooms;
    private final AttachmentService attachments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MentionRepository mentions;

    MessageModeration(
            MessageRepository messages,
            MessageModerationRepository moderationState,
            MessageRepresentation representation,
            SequenceAllocator sequences,
            ReadCursors cursors,
            RoomAccess rooms,
            AttachmentService attachments,
            ApplicationEventPublisher events,
            Clock clock,
            MentionRepository mentions) {
        this.mentions = mentions;
        this.messages = messages;
        this.moderationState = moderationState;
        this.representation = representation;
        this.sequences = sequences;
        this.cursors = cursors;
        this.rooms = rooms;
        this.attachments = attachments;
        this.events = events;
        this.clock = clock;
    }

    /** The message as moderators see it (masked text whole). */
    public Message find(String moderatorId, UUID messageId) {
        return representation
                .renderFor(moderatorId, true, List.of(require(messageId)))
                .getFirst();
    }

    /** Up to {@code around} messages before and after it in its room, oldest first, as moderators see them. */
    public List<Message> context(String moderatorId, UUID messageId, int around) {
        MessageRow row = require(messageId);
        if (row.seq() == null) {
            return List.of();
        }
        List<MessageRow> near = messages
                .findBetween(
                        row.roomId(),
                        Math.max(0, row.seq() - around - 1),
                        row.seq() + around + 1,
                        2 * around + 1,
                        MessageRepository.From.OLDEST,
                        true)
                .stream()
                .filter(m -> !m.id().equals(messageId))
                .toList();
        return representation.renderFor(moderatorId, true, near);
    }

    /**
     * Approved: it stays as it is, and is no longer marked flagged. A message held in a pre-moderated room is numbered
     * at the end of its room now and delivered as if just sent.
     */
    public void approve(UUID messageId) {
        MessageRow row = require(messageId);
        moderationState.clearFlag(messageId);
        if (row.seq() != null || !moderationState.claimHeld(messageId)) {
            return;
        }
        Room room = rooms.require(row.roomId());
        long seq = sequences
                .reserve(new TreeMap<>(Map.of(room.id(), 1)), Set.of(), Timestamps.now(clock))
                .get(room.id());
        moderationState.number(messageId, seq);
        mentions.number(messageId, seq);
        if (row.senderId() != null) {
            // as for any send, the sender has read the room up to their own message
            cursors.advance(room.id(), row.senderId(), seq);
        }
        List<Member> members = rooms.members(room.id());
        Message approved = representation
                .render(List.of(messages.find(messageId).orElseThrow()), Map.of(room.id(), members))
                .getFirst()
                .withMentions(mentions.of(List.of(messageId)).getOrDefault(messageId, List.of()));
        events.publishEvent(new MessageSent(
                approved, approved.sender() == null ? null : approved.sender().name(), members, room, null));
    }

    /** Rejected: hidden from the room at once like a deleted message; moderators keep seeing its text. */
    public void reject(UUID messageId) {
        MessageRow row = require(messageId);
        moderationState.markRejected(messageId, Timestamps.now(clock));
        released(row);
    }

    /** Deleted for good, as its sender could. */
    public void delete(UUID messageId) {
        MessageRow row = require(messageId);
        if (!row.isDeleted()) {
            messages.markDeleted(messageId, Timestamps.now(clock));
            released(row);
        }
    }

    private void released(MessageRow row) {
        if (row.attachmentId() != null) {
            attachments.release(List.of(row.attachmentId()));
        }
        events.publishEvent(new MessageDeleted(row.roomId(), row.id(), row.seq(), row.type() == MessageType.NOTE));
    }

    private MessageRow require(UUID messageId) {
        return messages.find(messageId).orElseThrow(() -> ChatException.notFound("Message"));
    }
}
