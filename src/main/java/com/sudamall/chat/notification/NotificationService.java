package com.sudamall.chat.notification;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.notification.internal.NotificationRepository;
import com.sudamall.chat.notification.internal.PushRepository;
import com.sudamall.chat.web.TimeCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's in-app notifications: listing and marking read. */
@Service
public class NotificationService {

    private final NotificationRepository notifications;
    private final PushRepository push;

    NotificationService(NotificationRepository notifications, PushRepository push) {
        this.notifications = notifications;
        this.push = push;
    }

    /**
     * A page of notifications, newest first.
     *
     * @param results this page
     * @param nextCursor where the next page starts, null on the last page
     */
    public record NotificationPage(
            List<Notification> results, @Nullable String nextCursor) {}

    public NotificationPage list(CurrentUser user, boolean unreadOnly, @Nullable String cursor, int limit) {
        List<Notification> page =
                new ArrayList<>(notifications.findForUser(user.id(), unreadOnly, TimeCursor.parse(cursor), limit + 1));
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            Notification last = page.getLast();
            next = new TimeCursor(last.createdAt(), last.id()).encode();
        }
        return new NotificationPage(page, next);
    }

    /** Marks the given notifications of the user read; the number changed. */
    @Transactional
    public int markRead(CurrentUser user, List<UUID> ids) {
        return notifications.markRead(user.id(), ids);
    }

    /** Marks all of the user's notifications read; the number changed. */
    @Transactional
    public int markAllRead(CurrentUser user) {
        return notifications.markAllRead(user.id());
    }

    /** Deletes every notification of the user and forgets their browsers (a privacy erasure), in the caller's tx. */
    public void deleteAllFor(String userId) {
        notifications.deleteForUser(userId);
        push.deleteForUser(userId);
    }
}
