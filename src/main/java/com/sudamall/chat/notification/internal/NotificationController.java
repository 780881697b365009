package com.sudamall.chat.notification.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.notification.NotificationService;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.Paging;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/chat/notifications/}: list and mark read. */
@RestController
@RequestMapping("/api/chat/notifications")
@Tag(name = "notifications")
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    NotificationService.NotificationPage list(
            CurrentUser user,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return notifications.list(user, unread, cursor, Paging.limit(limit, "limit", 50, 100));
    }

    record MarkReadBody(@Nullable List<UUID> ids, @Nullable Boolean all) {}

    record Updated(int updated) {}

    @PostMapping("/read")
    Updated markRead(CurrentUser user, @RequestBody MarkReadBody body) {
        if (Boolean.TRUE.equals(body.all())) {
            return new Updated(notifications.markAllRead(user));
        }
        if (body.ids() == null || body.ids().stream().anyMatch(id -> id == null)) {
            throw ChatException.invalid("ids", "give a list of notification ids, or \"all\": true");
        }
        return new Updated(notifications.markRead(user, body.ids()));
    }
}
