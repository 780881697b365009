package com.sudamall.chat.message.internal;

import com.sudamall.chat.attachment.Attachment;
import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageChanges;
import com.sudamall.chat.message.MessageHistory;
import com.sudamall.chat.message.MessageService;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.message.Receipts;
import com.sudamall.chat.message.SendAnswers;
import com.sudamall.chat.message.SendMessage;
import com.sudamall.chat.message.SentAnswer;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Paging;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A room's messages: send, history, edit, delete, shares and read state. */
@RestController
@RequestMapping("/api/chat/rooms/{roomId}")
@Tag(name = "messages")
class MessageController {

    private final MessageService messages;
    private final MessageChanges changes;
    private final MessageHistory history;
    private final Receipts receipts;
    private final AttachmentService attachments;

    MessageController(
            MessageService messages,
            MessageChanges changes,
            MessageHistory history,
            Receipts receipts,
            AttachmentService attachments) {
        this.receipts = receipts;
        this.messages = messages;
        this.changes = changes;
        this.history = history;
        this.attachments = attachments;
    }

    record SendBody(
            @Nullable String content,

            @Schema(
                    description = "text (the default), or note: a conversation team's internal note, which"
                            + " its customer never receives; a file's type comes from the file",
                    allowableValues = {"text", "image", "file", "note"})
            @Nullable
            String messageType,

            @Nullable UUID replyTo,
            @Nullable String clientMsgId,
            @Nullable UUID attachment,

            @Schema(
                    description =
                            "ids of the room's participants the text names (@), in group, store and support rooms")
            @Nullable
            List<@Nullable String> mentions) {}

    @Operation(summary = "Send a message (201); a repeated client_msg_id returns the first message (200)")
    @SendAnswers
    @Problems({ErrorCode.FILE_SHARING_DISABLED, ErrorCode.CONFLICT, ErrorCode.FORBIDDEN})
    @PostMapping(path = "/send_message", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Message> send(CurrentUser user, @PathVariable UUID roomId, @RequestBody SendBody body) {
        MessageType type = body.messageType() == null ? MessageType.TEXT : MessageType.parse(body.messageType());
        MessageService.Sent sent = messages.send(new SendMessage(
                user,
                roomId,
                type,
                body.content(),
                body.replyTo(),
                body.clientMsgId(),
                body.attachment(),
                body.mentions()));
        return SentAnswer.of(sent);
    }

    @Operation(summary = "Send a file (multipart: file, and optionally content, reply_to, client_msg_id)")
    @SendAnswers
    @Problems({
        ErrorCode.FILE_SHARING_DISABLED,
        ErrorCode.FILE_TOO_LARGE,
        ErrorCode.FILE_TYPE_NOT_ALLOWED,
        ErrorCode.INVALID_IMAGE
    })
    @PostMapping(path = "/send_message", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Message> sendFile(
            CurrentUser user,
            @PathVariable UUID roomId,
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String content,
            @RequestParam(name = "message_type", required = false) @Nullable String messageType,
            @RequestParam(name = "reply_to", required = false) @Nullable UUID replyTo,
            @RequestParam(name = "client_msg_id", required = false) @Nullable String clientMsgId)
            throws IOException {
        MessageType type = messageType == null ? MessageType.TEXT : MessageType.parse(messageType);
        Attachment upload;
        try (InputStream bytes = file.getInputStream()) {
            upload = attachments.upload(user, roomId, file.getOriginalFilename(), bytes);
        }
        // a retry with the same client_msg_id returns the first message; this upload is then swept as an orphan
        MessageService.Sent sent = messages.send(
                new SendMessage(user, roomId, type, content, replyTo, clientMsgId, upload.id(), List.of()));
        return SentAnswer.of(sent);
    }

    record Pagination(long total, int page, int perPage) {}

    record SeedHistory(List<Message> messages, Pagination pagination) {}

    record SeqHistory(List<Message> messages, boolean hasMore) {}

    @Operation(summary = "History: ?page=&per_page= (newest first) or ?after_seq=|before_seq=&limit= (seq order)")
    @GetMapping("/messages")
    Object history(
            CurrentUser user,
            @PathVariable UUID roomId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(name = "per_page", required = false) @Nullable Integer perPage,
            @RequestParam(name = "after_seq", required = false) @Nullable Long afterSeq,
            @RequestParam(name = "before_seq", required = false) @Nullable Long beforeSeq,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(name = "mark_read", defaultValue = "true") boolean markRead) {
        if (afterSeq != null || beforeSeq != null || limit != null) {
            MessageHistory.SeqPage seq =
                    history.bySeq(user, roomId, afterSeq, beforeSeq, Paging.limit(limit, "limit", 50, 100), markRead);
            return new SeqHistory(seq.messages(), seq.hasMore());
        }
        int pageNumber = Paging.limit(page, "page", 1, Integer.MAX_VALUE);
        MessageHistory.SeedPage seed =
                history.page(user, roomId, pageNumber, Paging.limit(perPage, "per_page", 50, 100), markRead);
        return new SeedHistory(seed.messages(), new Pagination(seed.total(), seed.page(), seed.perPage()));
    }

    record EditBody(@Nullable String content) {}

    @Problems({
        ErrorCode.FORBIDDEN,
        ErrorCode.EDIT_WINDOW_CLOSED,
        ErrorCode.EMPTY_CONTENT,
        ErrorCode.MESSAGE_TOO_LONG,
        ErrorCode.BLOCKED_CONTENT,
        ErrorCode.ROOM_INACTIVE
    })
    @PatchMapping("/messages/{messageId}")
    Message edit(
            CurrentUser user, @PathVariable UUID roomId, @PathVariable UUID messageId, @RequestBody EditBody body) {
        return changes.edit(user, roomId, messageId, body.content());
    }

    @Problems({ErrorCode.FORBIDDEN})
    @ApiResponse(responseCode = "204", description = "Deleted: the message stays as a placeholder")
    @DeleteMapping("/messages/{messageId}")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID roomId, @PathVariable UUID messageId) {
        changes.delete(user, roomId, messageId);
        return ResponseEntity.noContent().build();
    }

    record ShareProductBody(
            @Nullable String product, @Nullable String message) {}

    @SendAnswers
    @PostMapping("/share_product")
    ResponseEntity<Message> shareProduct(
            CurrentUser user, @PathVariable UUID roomId, @RequestBody ShareProductBody body) {
        return SentAnswer.of(messages.shareProduct(user, roomId, required(body.product(), "product"), body.message()));
    }

    record ShareOrderBody(@Nullable String order, @Nullable String message) {}

    @SendAnswers
    @Problems({ErrorCode.FORBIDDEN})
    @PostMapping("/share_order")
    ResponseEntity<Message> shareOrder(CurrentUser user, @PathVariable UUID roomId, @RequestBody ShareOrderBody body) {
        return SentAnswer.of(messages.shareOrder(user, roomId, required(body.order(), "order"), body.message()));
    }

    record ReadBody(@Nullable UUID upTo) {}

    @Problems({ErrorCode.NOT_PARTICIPANT})
    @PostMapping("/read")
    MessageHistory.ReadState read(CurrentUser user, @PathVariable UUID roomId, @RequestBody ReadBody body) {
        if (body.upTo() == null) {
            throw ChatException.invalid("up_to", "is required");
        }
        return history.markRead(user, roomId, body.upTo());
    }

    @GetMapping("/messages/{messageId}/read_by")
    List<Receipts.Receipt> readBy(CurrentUser user, @PathVariable UUID roomId, @PathVariable UUID messageId) {
        return receipts.readBy(user, roomId, messageId);
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw ChatException.invalid(field, "is required");
        }
        return value;
    }
}
