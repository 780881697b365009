package com.sudamall.chat.web;

import java.util.Map;

/**
 * A refusal the client can act on: it carries an {@link ErrorCode} of API.md, a human-readable detail and, for
 * validation errors, the offending fields. Rendered as problem+json over REST and as an {@code error} frame over
 * WebSocket.
 */
public class ChatException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, String> fields;

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
