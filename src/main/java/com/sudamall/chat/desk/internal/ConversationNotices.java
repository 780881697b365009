package com.sudamall.chat.desk.internal;

import com.sudamall.chat.identity.User;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.MessageService;
import com.sudamall.chat.room.ConversationChanged;
import com.sudamall.chat.room.ConversationStatus;
import com.sudamall.chat.web.AfterCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the room, as a system message once the change has committed, who handles its conversation ("Dana assigned
 * this conversation to Sam", "Sam unassigned this conversation") and, when it is resolved, that its customer may
 * rate it. The audit log keeps the durable record of assignments; a node that dies between the commit and the
 * message loses only the notice, and the rating can be given all the same.
 */
@Component
class ConversationNotices implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConversationNotices.class);

    private final MessageService messages;
    private final UserService users;
    private final ExecutorService posting = Executors.newVirtualThreadPerTaskExecutor();

    ConversationNotices(MessageService messages, UserService users) {
        this.messages = messages;
        this.users = users;
    }

    static final String RATING_REQUEST = "How did we do? Rate this conversation from 1 to 5.";

    @EventListener
    void on(ConversationChanged change) {
        List<String> notices = new ArrayList<>();
        if (change.assigneeChanged()) {
            Map<String, User> cards =
                    users.cards(Stream.of(change.actorId(), change.assigneeId(), change.fromAssigneeId())
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList());
            notices.add(text(change, cards));
        }
        if (change.statusChanged() && change.status() == ConversationStatus.RESOLVED) {
            notices.add(RATING_REQUEST);
        }
        if (!notices.isEmpty()) {
            // off the committing thread: its connection is still bound to it, and a send there would wait on itself
            AfterCommit.run(() -> posting.execute(() -> post(change, notices)));
        }
    }

    private void post(ConversationChanged change, List<String> notices) {
        try {
            notices.forEach(text -> messages.postSystem(change.roomId(), text));
        } catch (RuntimeException e) {
            log.warn("notice in room {} not posted: {}", change.roomId(), e.getMessage());
        }
    }

    @Override
    public void destroy() {
        posting.close();
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
