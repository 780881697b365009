package com.sudamall.chat.message.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageReactions;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reactions: the emoji on offer, and a participant's reaction given or taken back. */
@RestController
@Tag(name = "messages")
class ReactionController {

    private final MessageReactions reactions;
    private final MessageProperties properties;

    ReactionController(MessageReactions reactions, MessageProperties properties) {
        this.reactions = reactions;
        this.properties = properties;
    }

    record Offered(List<String> emoji) {}

    @Operation(summary = "The emoji a message can be reacted with, in the order they are shown")
    @GetMapping("/api/chat/reactions")
    Offered offered() {
        return new Offered(properties.reactions());
    }

    record ReactBody(@Nullable String emoji) {}

    @Operation(summary = "React to a message (once per emoji); answers the message with its reactions")
    @Problems({ErrorCode.CONFLICT, ErrorCode.MUTED, ErrorCode.BLOCKED, ErrorCode.ROOM_INACTIVE})
    @PostMapping("/api/chat/rooms/{roomId}/messages/{messageId}/reactions")
    Message react(
            CurrentUser user, @PathVariable UUID roomId, @PathVariable UUID messageId, @RequestBody ReactBody body) {
        return reactions.react(user, roomId, messageId, body.emoji(), true);
    }

    @Operation(summary = "Take a reaction back; answers the message with its reactions")
    @Problems({ErrorCode.CONFLICT, ErrorCode.MUTED, ErrorCode.BLOCKED, ErrorCode.ROOM_INACTIVE})
    @DeleteMapping("/api/chat/rooms/{roomId}/messages/{messageId}/reactions")
    Message unreact(
            CurrentUser user,
            @PathVariable UUID roomId,
            @PathVariable UUID messageId,
            @RequestParam(required = false) @Nullable String emoji) {
        return reactions.react(user, roomId, messageId, emoji, false);
    }
}
