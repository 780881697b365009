package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.AuditLog;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Paging;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/chat/moderation/}: the flag queue, decisions on messages, mutes and the audit log; moderators only. */
@RestController
@RequestMapping("/api/chat/moderation")
@Tag(name = "moderation")
class ModerationController {

    private final ModeratorDesk desk;

    ModerationController(ModeratorDesk desk) {
        this.desk = desk;
    }

    @Operation(summary = "The flag queue, oldest first, each with the message, its context and its reporters")
    @Problems({ErrorCode.FORBIDDEN})
    @GetMapping("/flags")
    ModeratorDesk.QueuePage flags(
            CurrentUser user,
            @RequestParam(defaultValue = "open") String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        return desk.queue(user, status, cursor, Paging.limit(limit, "limit", 20, 100));
    }

    record DecisionBody(@Nullable String reason) {}

    record Decision(UUID messageId, String status) {}

    @Operation(summary = "Approve a message: it stays, and its open flag is closed")
    @Problems({ErrorCode.FORBIDDEN, ErrorCode.CONFLICT})
    @PostMapping("/messages/{messageId}/approve")
    Decision approve(
            CurrentUser user,
            @PathVariable UUID messageId,
            @RequestBody(required = false) @Nullable DecisionBody body) {
        return decide(user, messageId, "approved", body);
    }

    @Operation(summary = "Reject a message: hidden from the room at once; moderators keep seeing it")
    @Problems({ErrorCode.FORBIDDEN, ErrorCode.CONFLICT})
    @PostMapping("/messages/{messageId}/reject")
    Decision reject(
            CurrentUser user,
            @PathVariable UUID messageId,
            @RequestBody(required = false) @Nullable DecisionBody body) {
        return decide(user, messageId, "rejected", body);
    }

    @Operation(summary = "Delete a message for good")
    @Problems({ErrorCode.FORBIDDEN})
    @PostMapping("/messages/{messageId}/delete")
    Decision delete(
            CurrentUser user,
            @PathVariable UUID messageId,
            @RequestBody(required = false) @Nullable DecisionBody body) {
        return decide(user, messageId, "deleted", body);
    }

    private Decision decide(CurrentUser user, UUID messageId, String decision, @Nullable DecisionBody body) {
        return new Decision(messageId, desk.decide(user, messageId, decision, body == null ? null : body.reason()));
    }

    record MuteBody(
            @Nullable Integer durationMinutes, @Nullable String reason) {}

    @Operation(summary = "Mute a user everywhere for duration_minutes (60 by default)")
    @Problems({ErrorCode.FORBIDDEN})
    @PostMapping("/users/{userId}/mute")
    ModeratorDesk.Mute mute(
            CurrentUser user, @PathVariable String userId, @RequestBody(required = false) @Nullable MuteBody body) {
        return desk.mute(
                user, userId, body == null ? null : body.durationMinutes(), body == null ? null : body.reason());
    }

    @Operation(summary = "Lift a mute")
    @Problems({ErrorCode.FORBIDDEN})
    @ApiResponse(responseCode = "204", description = "The mute is lifted")
    @DeleteMapping("/users/{userId}/mute")
    ResponseEntity<Void> unmute(CurrentUser user, @PathVariable String userId) {
        desk.unmute(user, userId);
        return ResponseEntity.noContent().build();
    }

    record AuditPage(List<AuditLog.Entry> results) {}

    @Operation(summary = "The newest audit entries: moderators' decisions and mutes, privacy requests")
    @Problems({ErrorCode.FORBIDDEN})
    @GetMapping("/audit")
    AuditPage audit(CurrentUser user, @RequestParam(required = false) @Nullable Integer limit) {
        return new AuditPage(desk.auditTrail(user, Paging.limit(limit, "limit", 50, 200)));
    }
}
