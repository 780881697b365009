package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import com.sudamall.chat.room.Conduct;
import com.sudamall.chat.room.RoomAccess;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Brings sockets up to date from the database whenever the bus may have missed events for them: when a channel
 * this node just subscribed goes live (what was published before reached no one here), and when a channel is live
 * again after a break in the link to the other nodes. Without this a quiet room would show nothing until its next
 * message revealed the gap.
 */
@Component
class BusRecovery {

    private final SessionRegistry sessions;
    private final OrderedDelivery ordered;
    private final RoomAccess access;
    private final MembershipSync membership;
    private final Conduct conduct;

    BusRecovery(
            EventBus bus,
            SessionRegistry sessions,
            OrderedDelivery ordered,
            RoomAccess access,
            MembershipSync membership,
            Conduct conduct) {
        this.sessions = sessions;
        this.ordered = ordered;
        this.access = access;
        this.membership = membership;
        this.conduct = conduct;
        sessions.onLive(this::catchUp);
        bus.onRecovery(this::recover);
    }

    private void recover(Channel channel) {
        if (channel.equals(Channel.ROOM_CHANGES)) {
            // room changes published during the break never arrived either
            access.forgetAll();
            return;
        }
        if (channel.equals(Channel.CONDUCT_CHANGES)) {
            conduct.forgetAll();
            return;
        }
        catchUp(channel, sessions.on(channel));
    }

    /** Never blocks: catch-ups and re-syncs read the database in the background. */
    private void catchUp(Channel channel, Collection<SocketSession> waiting) {
        UUID roomId = channel.roomId();
        if (roomId != null) {
            waiting.forEach(session -> ordered.catchUp(session, roomId));
        } else if (channel.userId() != null) {
            // rooms the user joined while the break lasted: their multiplexed sockets were never put on them
            membership.resync(channel.userId(), waiting);
        }
    }
}
