package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageService;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/integration/rooms/{room_id}/system_message/}: the platform posts into a room. */
@RestController
@Tag(name = "integration")
class SystemMessageController {

    private final MessageService messages;

    SystemMessageController(MessageService messages) {
        this.messages = messages;
    }

    record SystemBody(@Nullable String content) {}

    @Problems({ErrorCode.EMPTY_CONTENT, ErrorCode.MESSAGE_TOO_LONG, ErrorCode.ROOM_INACTIVE})
    @PostMapping("/api/integration/rooms/{roomId}/system_message")
    @ResponseStatus(HttpStatus.CREATED)
    Message post(@PathVariable UUID roomId, @RequestBody SystemBody body) {
        return messages.postSystem(roomId, body.content());
    }
}
