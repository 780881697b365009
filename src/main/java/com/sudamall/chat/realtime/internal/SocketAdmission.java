package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.room.Conduct;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/** Whether a user may open one more socket: connects per minute (all nodes) and open sockets (this node). */
@Component
class SocketAdmission {

    private static final String COUNTED = "chat.socket.counted";

    private final Conduct conduct;
    private final RealtimeProperties properties;
    private final FrameCodec codec;
    private final Map<String, Integer> socketsPerUser = new ConcurrentHashMap<>();

    SocketAdmission(Conduct conduct, RealtimeProperties properties, FrameCodec codec) {
        this.conduct = conduct;
        this.properties = properties;
        this.codec = codec;
    }

    /**
     * Counts the socket in; past either limit the socket is told why in an {@code error} frame, closed with 4429,
     * and false is returned.
     */
    boolean admit(WebSocketSession raw, CurrentUser user) throws IOException {
        String refusal;
        Long retryAfter = null;
        try {
            conduct.checkConnect(user.id());
            int open = socketsPerUser.merge(user.id(), 1, Integer::sum);
            // counted from here on: released when the socket closes, however far its opening got
            raw.getAttributes().put(COUNTED, user.id());
            if (open <= properties.maxSocketsPerUser()) {
                return true;
            }
            refusal = "Too many open sockets (" + properties.maxSocketsPerUser() + "): close one first";
        } catch (ChatException e) {
            refusal = e.getMessage();
            retryAfter = e.retryAfterSeconds();
        }
        raw.sendMessage(new TextMessage(
                codec.encode(new OutboundFrame.Error(refusal, ErrorCode.RATE_LIMITED.code(), null, null, retryAfter))));
        raw.close(CloseCode.RATE_LIMITED.status("rate limited"));
        return false;
    }

    /** Counts the socket out, however far its opening got. */
    void release(WebSocketSession raw) {
        if (raw.getAttributes().remove(COUNTED) instanceof String userId) {
            socketsPerUser.computeIfPresent(userId, (id, open) -> open <= 1 ? null : open - 1);
        }
    }
}
