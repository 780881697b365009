package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When this node's link to the other nodes comes back after a break, every local socket gets, from the database, the
 * messages of its rooms published while the link was down. Without this a quiet room would show nothing until its
 * next message revealed the gap.
 */
@Component
class BusRecovery {

    private static final Logger log = LoggerFactory.getLogger(BusRecovery.class);

    private final SessionRegistry sessions;
    private final OrderedDelivery ordered;

    BusRecovery(EventBus bus, SessionRegistry sessions, OrderedDelivery ordered) {
        this.sessions = sessions;
        this.ordered = ordered;
        bus.onRecovery(this::catchUpEverySocket);
    }

    void catchUpEverySocket() {
        int rooms = 0;
        for (Channel channel : sessions.channels()) {
            UUID roomId = channel.roomId();
            if (roomId == null) {
                continue;
            }
            rooms++;
            for (SocketSession session : sessions.on(channel)) {
                try {
                    ordered.catchUp(session, roomId);
                } catch (RuntimeException e) {
                    log.warn("socket {} not caught up in room {}: {}", session.id(), roomId, e.getMessage());
                }
            }
        }
        log.info("caught up local sockets in {} rooms after the bus link came back", rooms);
    }
}
