package com.sudamall.chat.realtime.internal;

import org.springframework.web.socket.CloseStatus;

/** Why the server closes a socket. Browsers cannot read the status of a refused upgrade, so these codes say why. */
enum CloseCode {
    /** The client said goodbye, or the server is shutting down cleanly. */
    NORMAL(1000),
    /** The server is shutting down: reconnect, to another node, and resume. */
    GOING_AWAY(1001),
    /** The server can't serve the socket now (its database is unavailable): reconnect after a moment. */
    TRY_AGAIN_LATER(1013),
    /** The server failed unexpectedly while opening the socket (logged on the node). */
    SERVER_ERROR(1011),
    /** The client does not read its frames fast enough; the room does not wait for it. */
    TOO_SLOW(1008),
    /** No valid token or ticket. */
    UNAUTHORIZED(4401),
    /** The room is unknown, inactive, or the caller is not a participant. */
    FORBIDDEN(4403),
    /** Too many connects in a short time, or too many sockets open at once: wait, then reconnect. */
    RATE_LIMITED(4429);

    private final int code;

    CloseCode(int code) {
        this.code = code;
    }

    CloseStatus status(String reason) {
        return new CloseStatus(code, reason);
    }
}
