package com.sudamall.chat.message;

import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.message.internal.MessageModerationRepository;
import com.sudamall.chat.message.internal.MessageProperties;
import com.sudamall.chat.message.internal.MessageRepository;
import com.sudamall.chat.message.internal.MessageRepresentation;
import com.sudamall.chat.message.internal.MessageRow;
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
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What happens to a message once it is sent: its writer edits or deletes it, a moderator deletes it, it is reported. */
@Service
public class MessageChanges {

    private final RoomAccess access;
    private final MessageRepository messages;
    private final MessageModerationRepository moderationState;
    private final MessageRepresentation representation;
    private final AttachmentService attachments;
    private final MessageProperties properties;
    private final ContentScreen screen;
    private final Conduct conduct;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageRules rules;

    MessageChanges(
            RoomAccess access,
            MessageRepository messages,
            MessageModerationRepository moderationState,
            MessageRepresentation representation,
            AttachmentService attachments,
            MessageProperties properties,
            ContentScreen screen,
            Conduct conduct,
            ApplicationEventPublisher events,
            Clock clock,
            MessageRules rules) {
        this.access = access;
        this.messages = messages;
        this.moderationState = moderationState;
        this.representation = representation;
        this.attachments = attachments;
        this.properties = properties;
        this.screen = screen;
        this.conduct = conduct;
        this.events = events;
        this.clock = clock;
        this.rules = rules;
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
        MessageRow row = rules.requireInRoom(messageId, room, user.id(), null);
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
        // a note stays with the team, which the content filters do not guard against itself (as on sending)
        ContentScreen.Screened screened = row.type() == MessageType.NOTE
                ? ContentScreen.Screened.clean(rules.checkText(text))
                : screen.screen(room, rules.checkText(text));
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
        MessageRow row = rules.requireInRoom(messageId, room, user.id(), null);
        if (!user.id().equals(row.senderId()) && !access.canModerate(user, room)) {
            throw ChatException.forbidden("Only the sender or a moderator can delete a message");
        }
        if (!row.isDeleted()) {
            messages.markDeleted(messageId, Timestamps.now(clock));
            if (row.attachmentId() != null) {
                attachments.release(List.of(row.attachmentId()));
            }
            events.publishEvent(new MessageDeleted(roomId, messageId, row.seq(), row.type() == MessageType.NOTE));
        }
    }

    /** The message, if the user may see it; one in a room the user is not in is as unknown as one that never was. */
    public Message requireVisible(CurrentUser user, UUID messageId) {
        MessageRow row = messages.find(messageId).orElseThrow(() -> ChatException.notFound("Message"));
        Room room;
        try {
            room = access.requireVisible(user, row.roomId());
        } catch (RoomNotFoundException e) {
            throw ChatException.notFound("Message");
        }
        if (row.seq() == null && !user.id().equals(row.senderId()) && !user.isModerator()) {
            throw ChatException.notFound("Message");
        }
        if (row.type() == MessageType.NOTE && room.hidesNotesFrom(user.id())) {
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
}
