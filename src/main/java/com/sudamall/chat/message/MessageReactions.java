package com.sudamall.chat.message;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.message.internal.MessageProperties;
import com.sudamall.chat.message.internal.MessageRepresentation;
import com.sudamall.chat.message.internal.MessageRow;
import com.sudamall.chat.message.internal.ReactionRepository;
import com.sudamall.chat.room.Conduct;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reactions to messages: one of each configured emoji per user and message, given and taken back by the room's
 * participants, counted like sends against the sender's rate limit (a muted or blocked user cannot react either).
 * Never on a deleted or held message, nor on a store desk's note.
 */
@Service
public class MessageReactions {

    private final RoomAccess access;
    private final MessageRules rules;
    private final ReactionRepository reactions;
    private final MessageRepresentation representation;
    private final MessageProperties properties;
    private final Conduct conduct;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessageReactions(
            RoomAccess access,
            MessageRules rules,
            ReactionRepository reactions,
            MessageRepresentation representation,
            MessageProperties properties,
            Conduct conduct,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.rules = rules;
        this.reactions = reactions;
        this.representation = representation;
        this.properties = properties;
        this.conduct = conduct;
        this.events = events;
        this.clock = clock;
    }

    /** Gives ({@code added}) or takes back a reaction; the message as the caller sees it after. */
    @Transactional
    public Message react(CurrentUser user, UUID roomId, UUID messageId, @Nullable String emoji, boolean added) {
        Room room = access.requireParticipant(user, roomId);
        MessageRow row = rules.requireInRoom(messageId, room, user.id(), null);
        String chosen = requireEmoji(emoji);
        if (row.isDeleted()) {
            throw new ChatException(ErrorCode.CONFLICT, "The message was deleted");
        }
        if (row.type() == MessageType.NOTE || row.type() == MessageType.SYSTEM) {
            throw ChatException.invalid("message_id", "notes and system messages take no reactions");
        }
        conduct.checkSend(user.id(), room);
        boolean changed = added
                ? reactions.add(messageId, user.id(), chosen, Timestamps.now(clock))
                : reactions.remove(messageId, user.id(), chosen);
        Message seen = representation
                .renderFor(user.id(), user.isModerator(), List.of(row))
                .getFirst();
        if (changed) {
            // the room's copy: the same counts, none marked as anyone's own
            List<Reaction> now = seen.reactions().stream()
                    .map(r -> new Reaction(r.emoji(), r.count(), false))
                    .toList();
            events.publishEvent(new MessageReacted(roomId, messageId, user.id(), chosen, added, now));
        }
        return seen;
    }

    private String requireEmoji(@Nullable String emoji) {
        if (emoji == null || !properties.reactions().contains(emoji)) {
            throw ChatException.invalid("emoji", "one of " + String.join(" ", properties.reactions()));
        }
        return emoji;
    }
}
