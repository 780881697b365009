package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.room.MemberJoined;
import com.sudamall.chat.room.MemberLeft;
import com.sudamall.chat.room.RoomCreated;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps local sockets on the right channels as membership changes: a user's multiplexed sockets join the rooms they
 * are added to, and a user removed from a room stops receiving it at once (their room sockets close with 4403).
 */
@Component
class MembershipSync {

    private final SessionRegistry sessions;

    MembershipSync(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RoomCreated event) {
        event.participantIds()
                .forEach(userId ->
                        sessions.multiplexedOf(userId).forEach(s -> sessions.add(s, Channel.room(event.roomId()))));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberJoined event) {
        sessions.multiplexedOf(event.userId()).forEach(s -> sessions.add(s, Channel.room(event.roomId())));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MemberLeft event) {
        sessions.multiplexedOf(event.userId()).forEach(s -> sessions.remove(s, Channel.room(event.roomId())));
        sessions.roomSocketsOf(event.userId(), event.roomId())
                .forEach(s -> s.close(CloseCode.FORBIDDEN, "no longer a participant"));
    }
}
