package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.SocketCookie;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/chat/socket-cookie/}: stores the caller's bearer token in the socket cookie, so the page can open
 * sockets without a token in the URL; {@code DELETE} removes it (log out).
 */
@RestController
@Tag(name = "realtime")
class SocketCookieController {

    private static final String BEARER = "Bearer ";

    @Operation(summary = "Let this browser open WebSockets without ?token= (HttpOnly cookie scoped to /ws/)")
    @ApiResponse(responseCode = "204", description = "The cookie is set")
    @PostMapping("/api/chat/socket-cookie")
    ResponseEntity<Void> issue(
            CurrentUser user,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            HttpServletRequest request) {
        String token = authorization.substring(BEARER.length()).trim();
        return ResponseEntity.noContent()
                .header(
                        HttpHeaders.SET_COOKIE,
                        SocketCookie.issue(token, request.isSecure()).toString())
                .build();
    }

    @Operation(summary = "Forget the socket cookie")
    @ApiResponse(responseCode = "204", description = "The cookie is cleared")
    @DeleteMapping("/api/chat/socket-cookie")
    ResponseEntity<Void> clear(CurrentUser user, HttpServletRequest request) {
        return ResponseEntity.noContent()
                .header(
                        HttpHeaders.SET_COOKIE,
                        SocketCookie.clear(request.isSecure()).toString())
                .build();
    }
}
