package com.sudamall.chat.preview.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves preview images, as re-encoded here, to signed-in users. They are pictures of public pages, named by a
 * random id that only a message's preview gives away; a client never loads them from the page's own server, which
 * would tell that server who read the message.
 */
@RestController
@Tag(name = "previews")
class PreviewImageController {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    private final PreviewFetches previews;

    PreviewImageController(PreviewFetches previews) {
        this.previews = previews;
    }

    @Operation(
            summary = "A link preview's image, re-encoded by the service (any signed-in user; the id is the preview's)")
    @Problems({ErrorCode.NOT_FOUND})
    @GetMapping("/api/chat/previews/{id}/image")
    ResponseEntity<byte[]> image(CurrentUser user, @PathVariable UUID id) {
        StoredImage picture =
                previews.image(id).orElseThrow(() -> new ChatException(ErrorCode.NOT_FOUND, "No such preview image"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(picture.type()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(picture.bytes());
    }
}
