package com.sudamall.chat.desk.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.SendAnswers;
import com.sudamall.chat.message.SentAnswer;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code stores/{id}/canned_replies/}: a store's saved answers; {@code rooms/{id}/canned_replies/}: using them. */
@RestController
@Tag(name = "store desk")
class CannedReplyController {

    private final CannedReplies replies;

    CannedReplyController(CannedReplies replies) {
        this.replies = replies;
    }

    record ReplyJson(UUID id, String shortcut, String body, Instant createdAt, Instant updatedAt) {
        static ReplyJson of(CannedReply reply) {
            return new ReplyJson(reply.id(), reply.shortcut(), reply.body(), reply.createdAt(), reply.updatedAt());
        }
    }

    record ReplyList(List<ReplyJson> results) {}

    record ReplyBody(@Nullable String shortcut, @Nullable String body) {}

    @Operation(summary = "The store's canned replies, by shortcut (its team only)")
    @GetMapping("/api/chat/stores/{storeId}/canned_replies")
    ReplyList list(CurrentUser user, @PathVariable String storeId) {
        return new ReplyList(
                replies.list(user, storeId).stream().map(ReplyJson::of).toList());
    }

    @Operation(
            summary =
                    "Save a canned reply; its body may use {customer_name}, {store_name}, {product_name}, {order_number}")
    @Problems({ErrorCode.CONFLICT})
    @PostMapping("/api/chat/stores/{storeId}/canned_replies")
    @ResponseStatus(HttpStatus.CREATED)
    ReplyJson create(CurrentUser user, @PathVariable String storeId, @RequestBody ReplyBody body) {
        return ReplyJson.of(replies.create(user, storeId, body.shortcut(), body.body()));
    }

    @Operation(summary = "Change a canned reply's shortcut or body")
    @Problems({ErrorCode.CONFLICT})
    @PatchMapping("/api/chat/stores/{storeId}/canned_replies/{replyId}")
    ReplyJson update(
            CurrentUser user, @PathVariable String storeId, @PathVariable UUID replyId, @RequestBody ReplyBody body) {
        return ReplyJson.of(replies.update(user, storeId, replyId, body.shortcut(), body.body()));
    }

    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/api/chat/stores/{storeId}/canned_replies/{replyId}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable String storeId, @PathVariable UUID replyId) {
        replies.delete(user, storeId, replyId);
        return ResponseEntity.noContent().build();
    }

    record FilledJson(UUID id, String shortcut, String body, String text) {}

    record FilledList(List<FilledJson> results) {}

    @Operation(summary = "The canned replies of the conversation's store, filled in for it (the composer's / menu)")
    @Problems({ErrorCode.FORBIDDEN})
    @GetMapping("/api/chat/rooms/{roomId}/canned_replies")
    FilledList forRoom(
            CurrentUser user,
            @PathVariable UUID roomId,
            @Parameter(description = "only shortcuts starting with this") @RequestParam(required = false) @Nullable
                    String q) {
        return new FilledList(replies.forRoom(user, roomId, q).stream()
                .map(filled -> new FilledJson(
                        filled.reply().id(),
                        filled.reply().shortcut(),
                        filled.reply().body(),
                        filled.text()))
                .toList());
    }

    record SendBody(@Nullable String clientMsgId) {}

    @Operation(summary = "Send a canned reply in the conversation, its variables filled in")
    @SendAnswers
    @Problems({ErrorCode.FORBIDDEN})
    @PostMapping("/api/chat/rooms/{roomId}/canned_replies/{replyId}/send")
    ResponseEntity<Message> send(
            CurrentUser user,
            @PathVariable UUID roomId,
            @PathVariable UUID replyId,
            @RequestBody(required = false) @Nullable SendBody body) {
        return SentAnswer.of(replies.send(user, roomId, replyId, body == null ? null : body.clientMsgId()));
    }
}
