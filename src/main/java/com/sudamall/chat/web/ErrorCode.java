package com.sudamall.chat.web;

import org.springframework.http.HttpStatus;

/**
 * The stable, machine-readable error codes of API.md, each with the HTTP status it answers with. The same code goes
 * into the {@code code} field of a problem+json body and of a WebSocket {@code error} frame.
 */
public enum ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),
    EMPTY_CONTENT(HttpStatus.BAD_REQUEST, "Empty content"),
    MESSAGE_TOO_LONG(HttpStatus.BAD_REQUEST, "Message too long"),
    BLOCKED_CONTENT(HttpStatus.BAD_REQUEST, "Blocked content"),
    INVALID_IMAGE(HttpStatus.BAD_REQUEST, "Invalid image"),
    ROOM_FULL(HttpStatus.BAD_REQUEST, "Room full"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_PARTICIPANT(HttpStatus.FORBIDDEN, "Not a participant"),
    BLOCKED(HttpStatus.FORBIDDEN, "Blocked"),
    MUTED(HttpStatus.FORBIDDEN, "Muted"),
    EDIT_WINDOW_CLOSED(HttpStatus.FORBIDDEN, "Edit window closed"),
    FILE_SHARING_DISABLED(HttpStatus.FORBIDDEN, "File sharing disabled"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    ROOM_INACTIVE(HttpStatus.CONFLICT, "Room inactive"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    FILE_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "File too large"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
    FILE_TYPE_NOT_ALLOWED(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File type not allowed"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Rate limited"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

    private final HttpStatus status;
    private final String title;

    ErrorCode(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The code as clients see it, e.g. {@code empty_content}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The code a framework-level failure of this status maps to, for errors not raised by our own code. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION_FAILED;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
        };
    }
}
