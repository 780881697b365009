package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import com.sudamall.chat.room.RoomAccess;
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
    private final RoomAccess access;

    BusRecovery(EventBus bus, SessionRegistry sessions, OrderedDelivery ordered, RoomAccess access) {
        this.sessions = sessions;
        this.ordered = ordered;
        this.access = access;
        bus.onRecovery(this::catchUpEverySocket);
    }

    void catchUpEverySocket() {
        // Room changes published during the break never arrived either.
        access.forgetAll();
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
