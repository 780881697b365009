package com.sudamall.chat.desk.internal;

import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.MessageService;
import com.sudamall.chat.room.ConversationChanged;
import com.sudamall.chat.web.AfterCommit;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the room who handles its conversation, as a system message once the change has committed: "Dana assigned
 * this conversation to Sam", "Sam unassigned this conversation". The audit log keeps the durable record; a node that
 * dies between the commit and the message loses only the notice.
 */
@Component
class AssignmentNotices {

    private final MessageService messages;
    private final UserService users;

    AssignmentNotices(MessageService messages, UserService users) {
        this.messages = messages;
        this.users = users;
    }

    @EventListener
    void on(ConversationChanged change) {
        if (!change.assigneeChanged()) {
            return;
        }
        Map<String, User> cards = users.cards(Stream.of(change.actorId(), change.assigneeId(), change.fromAssigneeId())
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        String text = text(change, cards);
        AfterCommit.run(() -> messages.postSystem(change.roomId(), text));
    }

    static String text(ConversationChanged change, Map<String, User> cards) {
        String actor = name(change.actorId(), cards);
        if (change.assigneeId() == null) {
            return actor == null
                    ? "This conversation is no longer assigned to " + name(change.fromAssigneeId(), cards)
                    : actor + " unassigned this conversation";
        }
        String assignee = name(change.assigneeId(), cards);
        if (actor == null) {
            return "This conversation was assigned to " + assignee;
        }
        return change.assigneeId().equals(change.actorId())
                ? actor + " took this conversation"
                : actor + " assigned this conversation to " + assignee;
    }

    private static @Nullable String name(@Nullable String userId, Map<String, User> cards) {
        if (userId == null) {
            return null;
        }
        User card = cards.get(userId);
        return card == null ? userId : card.name();
    }
}
