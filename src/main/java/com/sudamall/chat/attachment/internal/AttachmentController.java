package com.sudamall.chat.attachment.internal;

import com.sudamall.chat.attachment.Attachment;
import com.sudamall.chat.attachment.AttachmentService;
import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload, download and thumbnail of files. */
@RestController
@RequestMapping("/api/chat/attachments")
@Tag(name = "attachments")
class AttachmentController {

    /**
     * A file is data, never a page: scripts, plugins, forms and frames stay off even if a browser is talked into
     * rendering one (an SVG or HTML that slipped through would run nothing).
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

    /** Private: downloads are per user. Short: a deleted message's file should not linger in caches. */
    static final String CACHE_CONTROL = "private, max-age=3600";

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Operation(summary = "Upload a file to a room (multipart: file, room_id); send it with send_message's attachment")
    @Problems({
        ErrorCode.NOT_PARTICIPANT,
        ErrorCode.FILE_SHARING_DISABLED,
        ErrorCode.FILE_TOO_LARGE,
        ErrorCode.FILE_TYPE_NOT_ALLOWED,
        ErrorCode.INVALID_IMAGE,
        ErrorCode.ROOM_INACTIVE
    })
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment upload(CurrentUser user, @RequestPart("file") MultipartFile file, @RequestParam("room_id") UUID roomId)
            throws IOException {
        try (InputStream content = file.getInputStream()) {
            return attachments.upload(user, roomId, file.getOriginalFilename(), content);
        }
    }

    @Operation(summary = "Download a file (participants only; Range and If-None-Match supported)")
    @GetMapping("/{id}")
    void download(CurrentUser user, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        send(attachments.download(user, id, false), request, response);
    }

    @Operation(summary = "An image's thumbnail")
    @GetMapping("/{id}/thumbnail")
    void thumbnail(CurrentUser user, @PathVariable UUID id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        send(attachments.download(user, id, true), request, response);
    }

    private void send(AttachmentService.Download download, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String etag = "\"" + download.sha256() + "\"";
        if (ByteRange.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            describe(download, etag, response);
            return;
        }
        long size = download.size();
        ByteRange range =
                ByteRange.of(request.getHeader(HttpHeaders.RANGE), request.getHeader(HttpHeaders.IF_RANGE), etag, size);
        if (range != null && !range.satisfiable()) {
            response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            return;
        }
        long offset = range == null ? 0 : range.start();
        long length = range == null ? size : range.length();
        // opened before any header is set: a storage failure is answered as a plain (uncached) 503
        try (InputStream in = attachments.open(download, offset, length)) {
            describe(download, etag, response);
            response.setContentType(download.contentType());
            response.setContentLengthLong(length);
            if (range != null) {
                response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
                response.setHeader(HttpHeaders.CONTENT_RANGE, range.contentRange(size));
            }
            if (!"HEAD".equals(request.getMethod())) {
                try (OutputStream out = response.getOutputStream()) {
                    in.transferTo(out);
                }
            }
        }
    }

    private static void describe(AttachmentService.Download download, String etag, HttpServletResponse response) {
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, download.createdAt().toEpochMilli());
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION, disposition(download).toString());
    }

    private static ContentDisposition disposition(AttachmentService.Download download) {
        ContentDisposition.Builder builder =
                download.inline() ? ContentDisposition.inline() : ContentDisposition.attachment();
        return builder.filename(download.fileName(), StandardCharsets.UTF_8).build();
    }
}
