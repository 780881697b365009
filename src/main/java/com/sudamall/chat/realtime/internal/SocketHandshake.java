package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.SocketCookie;
import com.sudamall.chat.identity.TokenVerifier;
import com.sudamall.chat.identity.WsTicketService;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.Outages;
import com.sudamall.chat.web.RequestLog;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Works out, before the upgrade completes, who is connecting and where in each room their socket starts. A message
 * sent once the client sees the socket open must reach it, so the starting seq is read now, not after the upgrade:
 * anything committed between the two comes from the database when the socket is registered. The handshake itself
 * always succeeds (but for a refused origin); a socket without a user or a room is closed with 4401 or 4403 right
 * after, since browsers can't read the status of a refused upgrade.
 */
@Component
class SocketHandshake implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SocketHandshake.class);
    /** How long a handshake keeps trying while the pool is busy (the database answering) before it is refused. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    /** What the handshake found, in the socket's attributes. */
    record Opening(
            boolean isMultiplexed,
            @Nullable CurrentUser user,
            @Nullable UUID roomId,
            @Nullable Room room,
            @Nullable Long startSeq,
            @Nullable Map<UUID, Long> startSeqs) {

        static final String ATTRIBUTE = "chat.opening";
        /** Set instead when the database was unavailable during the handshake. */
        static final String UNAVAILABLE = "chat.unavailable";
    }

    private final TokenVerifier tokens;
    private final WsTicketService tickets;
    private final RoomAccess access;
    private final HandshakeGate gate;

    SocketHandshake(TokenVerifier tokens, WsTicketService tickets, RoomAccess access, HandshakeGate gate) {
        this.tokens = tokens;
        this.tickets = tickets;
        this.access = access;
        this.gate = gate;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (!gate.enter()) {
            return refuse(response, "too many sockets opening at once");
        }
        try {
            attributes.put(Opening.ATTRIBUTE, Outages.whileBusy(() -> opening(request), PATIENCE));
            return true;
        } catch (RuntimeException e) {
            if (Outages.isUnreachable(e)) {
                // accepted, then closed with 1013 (try again later): a browser cannot read a refused upgrade's status
                Outages.logRefusal(log, "socket handshake", e);
                attributes.put(Opening.UNAVAILABLE, true);
                return true;
            }
            if (Outages.isBusy(e)) {
                // the database answers but had no connection free for this long: shed the load at the door
                Outages.logRefusal(log, "socket handshake", e);
                return refuse(response, "the database pool is busy");
            }
            // logged here with the path only: the container's line would carry the URL and its ?token=
            log.error("socket handshake for {} failed", request.getURI().getPath(), e);
            response.setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
            return false;
        } finally {
            gate.leave();
        }
    }

    /** A refused upgrade: 503 with a {@code Retry-After}, before any socket exists. */
    private static boolean refuse(ServerHttpResponse response, String why) {
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        response.getHeaders().set("X-Chat-Refused", why);
        return false;
    }

    private Opening opening(ServerHttpRequest request) {
        URI uri = request.getURI();
        MultiValueMap<String, String> query =
                UriComponentsBuilder.fromUri(uri).build().getQueryParams();
        boolean multiplexed = uri.getPath().replaceAll("/+$", "").equals("/ws/chat");
        UUID roomId = multiplexed ? null : roomIdOf(uri);
        CurrentUser user = authenticate(query, request.getHeaders()).orElse(null);
        if (user != null && request instanceof ServletServerHttpRequest servlet) {
            RequestLog.user(servlet.getServletRequest(), user.id());
        }
        Opening opening;
        if (user == null) {
            opening = new Opening(multiplexed, null, roomId, null, null, null);
        } else if (multiplexed) {
            opening = new Opening(true, user, null, null, null, access.activeRoomsOf(user.id()));
        } else {
            Room room = roomId == null ? null : joinable(user, roomId).orElse(null);
            String afterSeq = query.getFirst("after_seq");
            Long start = room == null ? null : afterSeq == null ? room.lastSeq() : parseSeq(afterSeq);
            // a path that names no room (not a UUID) finds none: refused like a room the caller is not in
            opening = new Opening(false, user, roomId, room, start, null);
        }
        return opening;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler handler,
            @Nullable Exception exception) {}

    /** A ticket, else a token in the URL, else the socket cookie (how the seed's plain-URL client gets in). */
    private Optional<CurrentUser> authenticate(MultiValueMap<String, String> query, HttpHeaders headers) {
        String ticket = query.getFirst("ticket");
        if (ticket != null) {
            return tickets.redeem(ticket);
        }
        String token = query.getFirst("token");
        if (token != null) {
            return tokens.verify(token);
        }
        return SocketCookie.read(headers).flatMap(tokens::verify);
    }

    private Optional<Room> joinable(CurrentUser user, UUID roomId) {
        try {
            return Optional.of(access.requireSocketParticipant(user, roomId));
        } catch (ChatException e) {
            return Optional.empty();
        }
    }

    private static @Nullable UUID roomIdOf(URI uri) {
        String[] parts = uri.getPath().split("/");
        try {
            return UUID.fromString(parts[parts.length - 1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long parseSeq(String value) {
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
