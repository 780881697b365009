package com.sudamall.chat.desk.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageSent;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.room.Conversation;
import com.sudamall.chat.room.Conversations;
import com.sudamall.chat.room.Room;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves a conversation with its messages, in the sending transaction: the customer's message opens a pending,
 * snoozed or resolved conversation again; the team's first message after the customer's first is the first
 * response, and an unassigned one may be assigned automatically ({@link AutoAssignment}). A held message counts once
 * approved, when it is sent to the room.
 */
@Component
class ConversationActivity {

    private final Conversations conversations;
    /** Conversations known to have their first response: a team's later messages then cost no query. */
    private final Cache<UUID, Boolean> answered =
            Caffeine.newBuilder().maximumSize(100_000).build();

    private final AutoAssignment autoAssignment;

    ConversationActivity(Conversations conversations, AutoAssignment autoAssignment) {
        this.conversations = conversations;
        this.autoAssignment = autoAssignment;
    }

    @EventListener
    void on(MessageSent event) {
        Room room = event.room();
        Message message = event.message();
        if (!room.type().isConversation()
                || message.sender() == null
                || message.seq() == null
                || message.messageType() == MessageType.NOTE) {
            return; // a note answers no one: it is the team talking to itself
        }
        if (message.sender().id().equals(room.customerId())) {
            Conversation now = conversations.customerWrote(room, message.sentAt());
            if (now != null && now.assigneeId() == null) {
                autoAssignment.consider(room);
            }
        } else if (answered.getIfPresent(room.id()) == null && conversations.teamWrote(room, message.sentAt())) {
            answered.put(room.id(), true);
        }
    }
}
