package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.message.MessageHistory;
import com.sudamall.chat.message.MessageService;
import com.sudamall.chat.message.SendMessage;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomNotFoundException;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Outages;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * {@code /ws/chat/{room_id}/} (the seed's protocol) and {@code /ws/chat/} (one socket per user for all their rooms,
 * frames naming {@code room_id}). Closes with 4401 or 4403 (which browsers can read) what {@link SocketHandshake}
 * found unauthenticated or not a participant, then decodes frames and calls the same services as REST; the reply to a frame is an
 * {@code ack}, a {@code pong} or an {@code error} frame, and the socket stays open after errors.
 */
@Component
class ChatWebSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatWebSocketHandler.class);
    private static final String SOCKET = "chat.socket";

    private final SocketLifecycle lifecycle;
    private final RoomAccess access;
    private final MessageService messages;
    private final MessageHistory history;
    private final SessionRegistry registry;
    private final RoomFanout fanout;
    private final TypingTracker typing;
    private final FrameCodec codec;
    private final RealtimeProperties properties;
    private final OrderedDelivery ordered;

    ChatWebSocketHandler(
            SocketLifecycle lifecycle,
            RoomAccess access,
            MessageService messages,
            MessageHistory history,
            SessionRegistry registry,
            RoomFanout fanout,
            TypingTracker typing,
            FrameCodec codec,
            RealtimeProperties properties,
            OrderedDelivery ordered) {
        this.lifecycle = lifecycle;
        this.access = access;
        this.messages = messages;
        this.history = history;
        this.registry = registry;
        this.fanout = fanout;
        this.typing = typing;
        this.codec = codec;
        this.properties = properties;
        this.ordered = ordered;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) throws Exception {
        if (raw.getAttributes().containsKey(SocketHandshake.Opening.UNAVAILABLE)) {
            close(raw, CloseCode.TRY_AGAIN_LATER.status("the service is temporarily unavailable"));
            return;
        }
        SocketHandshake.Opening opening =
                (SocketHandshake.Opening) raw.getAttributes().get(SocketHandshake.Opening.ATTRIBUTE);
        if (opening == null || opening.user() == null) {
            close(raw, CloseCode.UNAUTHORIZED.status("authentication required"));
            return;
        }
        if (!opening.isMultiplexed() && opening.startSeq() == null) {
            close(raw, CloseCode.FORBIDDEN.status("not a participant of this room"));
            return;
        }
        try {
            SocketSession session = lifecycle.open(raw, opening);
            if (session != null) {
                raw.getAttributes().put(SOCKET, session);
            }
        } catch (RoomNotFoundException e) {
            // removed from the room (or the room closed) between the handshake and now: as if refused at the door
            close(raw, CloseCode.FORBIDDEN.status("not a participant of this room"));
        } catch (RuntimeException e) {
            if (Outages.isUnreachable(e)) {
                // the database went away while the socket was being opened: the client should come back shortly
                Outages.logRefusal(log, "socket " + raw.getId() + " not opened", e);
                close(raw, CloseCode.TRY_AGAIN_LATER.status("the service is temporarily unavailable"));
                return;
            }
            // logged here rather than by Spring's decorator, whose line would carry the URL and its ?token=
            log.error("socket {} not opened", raw.getId(), e);
            close(raw, CloseCode.SERVER_ERROR.status("internal error"));
        } catch (IOException e) {
            // the client went away while its socket was being opened (the decorator would log the URL)
            log.debug("socket {} closed while opening: {}", raw.getId(), e.getMessage());
        }
    }

    /** Closes a socket being opened; a client already gone is no error worth a log line with its URL. */
    private static void close(WebSocketSession raw, CloseStatus status) {
        try {
            raw.close(status);
        } catch (IOException e) {
            log.debug("socket {} already gone: {}", raw.getId(), e.getMessage());
        }
    }

    /** Frames arrive in parts, so an oversize one is answered with an error instead of closing the socket. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage text) {
        SocketSession session = (SocketSession) raw.getAttributes().get(SOCKET);
        if (session == null) {
            return;
        }
        switch (session.inbound().append(text.getPayload(), text.isLast())) {
            case InboundFrameBuffer.Result.Incomplete incomplete -> {}
            case InboundFrameBuffer.Result.TooLarge tooLarge ->
                reply(
                        session,
                        new OutboundFrame.Error(
                                "Frame larger than " + properties.maxFrameSize().toKilobytes() + " KB",
                                ErrorCode.PAYLOAD_TOO_LARGE.code(),
                                session.roomId()));
            case InboundFrameBuffer.Result.Complete complete -> handle(session, complete.text());
        }
    }

    private void handle(SocketSession session, String text) {
        UUID roomId = session.roomId();
        String clientMsgId = null;
        try {
            InboundFrame frame = codec.decode(text);
            if (frame instanceof InboundFrame.Text t) {
                clientMsgId = t.clientMsgId();
            }
            if (frame instanceof InboundFrame.Ping) {
                reply(session, new OutboundFrame.Pong());
                return;
            }
            roomId = roomOf(session, frame);
            switch (frame) {
                case InboundFrame.Text f -> send(session, roomId, f);
                case InboundFrame.Typing f -> typing(session, roomId, f.isTyping());
                case InboundFrame.Read f -> history.markRead(session.user(), roomId, f.upTo());
                case InboundFrame.Resume f -> resume(session, roomId, f.afterSeq());
                case InboundFrame.Ping f -> reply(session, new OutboundFrame.Pong());
            }
        } catch (ChatException e) {
            reply(
                    session,
                    new OutboundFrame.Error(
                            e.getMessage(), e.code().code(), roomId, clientMsgId, e.retryAfterSeconds()));
        } catch (RuntimeException e) {
            if (Outages.isOutage(e)) {
                Outages.logRefusal(log, "frame from socket " + session.id() + " refused", e);
                reply(
                        session,
                        new OutboundFrame.Error(
                                "The service is temporarily unavailable",
                                ErrorCode.UNAVAILABLE.code(),
                                roomId,
                                clientMsgId,
                                1L));
                return;
            }
            log.error("frame from socket {} failed", session.id(), e);
            reply(
                    session,
                    new OutboundFrame.Error(
                            "Internal error", ErrorCode.INTERNAL_ERROR.code(), roomId, clientMsgId, null));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        lifecycle.closed(raw, (SocketSession) raw.getAttributes().remove(SOCKET));
    }

    /** A room socket's frames are about its room; a multiplexed socket's frames must name theirs. */
    private static UUID roomOf(SocketSession session, InboundFrame frame) {
        if (session.roomId() != null) {
            return session.roomId();
        }
        if (frame.roomId() == null) {
            throw ChatException.invalid("room_id", "is required on /ws/chat/");
        }
        return frame.roomId();
    }

    private void send(SocketSession session, UUID roomId, InboundFrame.Text frame) {
        MessageService.Sent sent = messages.send(new SendMessage(
                session.user(),
                roomId,
                frame.type(),
                frame.content(),
                frame.replyTo(),
                frame.clientMsgId(),
                null,
                frame.mentions()));
        typing.stopped(roomId, session.user().id());
        reply(session, new OutboundFrame.Ack(roomId, frame.clientMsgId(), sent.message()));
    }

    private void typing(SocketSession session, UUID roomId, boolean isTyping) {
        String userId = session.user().id();
        if (session.isMultiplexed()) {
            access.requireParticipant(session.user(), roomId);
        }
        if (isTyping) {
            typing.started(
                    roomId,
                    userId,
                    () -> fanout.toRoom(roomId, new OutboundFrame.Typing(roomId, session.card(), false), userId));
        } else {
            typing.stopped(roomId, userId);
        }
        fanout.toRoom(roomId, new OutboundFrame.Typing(roomId, session.card(), isTyping), userId);
    }

    private void resume(SocketSession session, UUID roomId, long afterSeq) {
        if (session.isMultiplexed()) {
            access.requireParticipant(session.user(), roomId);
            registry.add(session, Channel.room(roomId));
        }
        ordered.resume(session, roomId, afterSeq);
    }

    private void reply(SocketSession session, OutboundFrame frame) {
        session.send(codec.encode(frame));
    }
}
