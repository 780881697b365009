package com.sudamall.chat.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A refusal the client can act on: it carries an {@link ErrorCode} of API.md, a human-readable detail and, for
 * validation errors, the offending fields. Rendered as problem+json over REST and as an {@code error} frame over
 * WebSocket.
 */
public class ChatException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, String> fields;
    private @Nullable Long retryAfterSeconds;

    public ChatException(ErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public ChatException(ErrorCode code, String detail, Map<String, String> fields) {
        super(detail, null, false, false);
        this.code = code;
        this.fields = Map.copyOf(fields);
    }

    /** A 400 {@code validation_failed} naming one field. */
    public static ChatException invalid(String field, String problem) {
        return new ChatException(ErrorCode.VALIDATION_FAILED, field + ": " + problem, Map.of(field, problem));
    }

    /** A 404 {@code not_found}: unknown, or not visible to the caller. */
    public static ChatException notFound(String what) {
        return new ChatException(ErrorCode.NOT_FOUND, what + " not found");
    }

    /** A 429 {@code rate_limited}, with the seconds after which a retry can succeed ({@code Retry-After}). */
    public static ChatException rateLimited(String detail, long retryAfterSeconds) {
        ChatException e = new ChatException(ErrorCode.RATE_LIMITED, detail);
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    /** Seconds until a retry can succeed, for a rate limit; null otherwise. */
    public @Nullable Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A 403 {@code forbidden}. */
    public static ChatException forbidden(String detail) {
        return new ChatException(ErrorCode.FORBIDDEN, detail);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, String> fields() {
        return fields;
    }
}
