package com.sudamall.chat.retention.internal;

import com.sudamall.chat.web.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's privacy requests: {@code GET /api/integration/users/{id}/export} and {@code DELETE
 * /api/integration/users/{id}}, and their audit trail.
 */
@RestController
@Tag(name = "integration")
class PrivacyController {

    private final UserPrivacy privacy;
    private final AuditLog audit;

    PrivacyController(UserPrivacy privacy, AuditLog audit) {
        this.privacy = privacy;
        this.audit = audit;
    }

    @Operation(summary = "Everything stored about a user: profile, rooms, messages and file metadata (audited)")
    @GetMapping("/api/integration/users/{userId}/export")
    UserPrivacy.Export export(@PathVariable String userId) {
        return privacy.export(userId);
    }

    @Operation(
            summary = "Erase a user: messages become deleted placeholders, files removed, profile anonymised (audited)")
    @ApiResponse(responseCode = "204", description = "Erased")
    @DeleteMapping("/api/integration/users/{userId}")
    ResponseEntity<Void> erase(@PathVariable String userId) {
        privacy.erase(userId);
        return ResponseEntity.noContent().build();
    }

    record AuditPage(List<AuditLog.Entry> results) {}

    @Operation(summary = "The audit trail about one thing (target_type user, message or room), oldest first")
    @GetMapping("/api/integration/audit")
    AuditPage audit(@RequestParam("target_type") String targetType, @RequestParam("target_id") String targetId) {
        return new AuditPage(audit.about(targetType, targetId));
    }
}
