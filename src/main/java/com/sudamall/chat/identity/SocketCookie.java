package com.sudamall.chat.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The socket cookie: a page that holds a token hands it over once, and then opens sockets with plain URLs, as the
 * seed's JavaScript client does ({@code new WebSocket('ws://host/ws/chat/' + roomId + '/')}; Django authenticated it
 * by session cookie). The cookie is HttpOnly and sent only to {@code /ws/}: REST never reads it, so it opens no
 * cross-site request forgery, and the WebSocket {@code Origin} check keeps other sites from riding on it.
 */
public final class SocketCookie {

    public static final String NAME = "chat_token";
    private static final String PATH = "/ws/";

    private SocketCookie() {}

    public static ResponseCookie issue(String token, boolean secure) {
        return ResponseCookie.from(NAME, token)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path(PATH)
                .build();
    }

    public static ResponseCookie clear(boolean secure) {
        return ResponseCookie.from(NAME, "")
                .httpOnly(true)
                .secure(secure)
                .sameSite("Lax")
                .path(PATH)
                .maxAge(0)
                .build();
    }

    /** The token in a handshake's {@code Cookie} headers, if any. */
    public static Optional<String> read(HttpHeaders headers) {
        List<String> cookies = headers.getOrEmpty(HttpHeaders.COOKIE);
        for (String header : cookies) {
            for (String pair : header.split(";")) {
                String trimmed = pair.trim();
                if (trimmed.startsWith(NAME + "=") && trimmed.length() > NAME.length() + 1) {
                    return Optional.of(trimmed.substring(NAME.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
