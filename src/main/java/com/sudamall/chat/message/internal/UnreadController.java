package com.sudamall.chat.message.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.message.MessageHistory;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/chat/unread/}: the caller's unread counts. */
@RestController
@Tag(name = "messages")
class UnreadController {

    private final MessageHistory history;

    UnreadController(MessageHistory history) {
        this.history = history;
    }

    @GetMapping("/api/chat/unread")
    MessageHistory.Unread unread(CurrentUser user) {
        return history.unread(user);
    }
}
