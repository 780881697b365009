package com.sudamall.chat.realtime.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, closes every socket with 1001 (going away) before the web server stops, so clients reconnect to
 * another node at once and resume from their last seq. Messages are stored before they are acked, so closing loses
 * none; a send cut off before its ack is retried with the same {@code client_msg_id} and acked then.
 */
@Component
class SocketShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketShutdown.class);

    private final SessionRegistry sessions;
    private volatile boolean running;

    SocketShutdown(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        var open = sessions.all();
        log.info("closing {} sockets: shutting down", open.size());
        open.forEach(session -> session.close(CloseCode.GOING_AWAY, "server shutting down"));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops among the first, before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
