package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.moderation.Flag;
import com.sudamall.chat.moderation.FlagService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/chat/messages/{id}/flag/}: the seed's {@code flag_message}. */
@RestController
@Tag(name = "moderation")
class FlagController {

    private final FlagService flags;

    FlagController(FlagService flags) {
        this.flags = flags;
    }

    record FlagBody(@Nullable String reason) {}

    @Operation(summary = "Report a message (201); a repeat report by the same user answers 200 with the same flag")
    @ApiResponse(responseCode = "201", description = "Reported", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "You had reported it already: the same flag",
            useReturnTypeSchema = true)
    @PostMapping("/api/chat/messages/{messageId}/flag")
    ResponseEntity<Flag> flag(
            CurrentUser user, @PathVariable UUID messageId, @RequestBody(required = false) @Nullable FlagBody body) {
        FlagService.Reported reported = flags.flag(user, messageId, body == null ? null : body.reason());
        return ResponseEntity.status(reported.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(reported.flag());
    }
}
