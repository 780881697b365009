package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Presence;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.web.Outages;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Online and offline: a user comes online with their first socket on any node and goes offline with their last.
 * Both changes are told to the rooms they take part in and stamp {@code last_seen_at}; a socket that opens is told
 * who of its rooms' participants is online ({@link PresenceBriefing}). Presence is a courtesy: if it cannot be read,
 * sockets still open and messages still flow.
 *
 * <p>Sockets never wait for it. Opens and closes queue here, and one worker takes whatever has queued as one batch: a
 * round trip to Redis counts them all, one query finds the rooms of those who came online or went offline. A burst
 * of thousands of sockets then costs a few dozen batches instead of several calls per socket, and a user's changes
 * stay in the order they happened (online before offline).
 */
@Component
class PresenceTracker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PresenceTracker.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int MAX_BATCH = 512;

    /** A socket that opened ({@code opened}) or closed; {@code userRooms} when the handshake read them already. */
    private record Change(
            SocketSession session, boolean opened, @Nullable Collection<UUID> userRooms) {}

    private final Presence presence;
    private final UserService users;
    private final PresenceBriefing briefing;
    private final Clock clock;
    private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private final Thread worker;

    PresenceTracker(Presence presence, UserService users, PresenceBriefing briefing, Clock clock) {
        this.presence = presence;
        this.users = users;
        this.briefing = briefing;
        this.clock = clock;
        this.worker = Thread.ofVirtual().name("presence").start(this::work);
    }

    /** A socket opened; {@code userRooms} are the user's active rooms when the caller has them (multiplexed), else null. */
    void opened(SocketSession session, @Nullable Collection<UUID> userRooms) {
        queue.add(new Change(session, true, userRooms));
    }

    void closed(SocketSession session) {
        queue.add(new Change(session, false, null));
    }

    private void work() {
        List<Change> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                apply(batch);
            } catch (RuntimeException e) {
                log.warn("presence of {} sockets not told: {}", batch.size(), e.getMessage());
            }
            batch.clear();
        }
    }

    private void apply(List<Change> batch) {
        long[] totals;
        try {
            totals = presence.count(batch.stream()
                    .map(change -> new Presence.Count(change.session().user().id(), change.opened() ? 1 : -1))
                    .toList());
        } catch (RuntimeException e) {
            log.warn("presence of {} sockets not counted: {}", batch.size(), e.getMessage());
            return;
        }
        List<PresenceBriefing.Turn> turns = new ArrayList<>();
        List<PresenceBriefing.Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Change change = batch.get(i);
            if (change.opened() && totals[i] == 1) {
                turns.add(new PresenceBriefing.Turn(change.session().card(), true, change.userRooms()));
            } else if (!change.opened() && totals[i] == 0) {
                // last seen is stored when a user leaves; while online they are seen now
                users.markSeen(change.session().user().id(), Timestamps.now(clock));
                turns.add(new PresenceBriefing.Turn(change.session().card(), false, null));
            }
            if (change.opened()) {
                arrivals.add(new PresenceBriefing.Arrival(change.session(), change.userRooms()));
            }
        }
        try {
            // while the pool is busy (a burst of sockets) this waits its turn for a while rather than being dropped
            Outages.whileBusy(
                    () -> {
                        briefing.tell(turns, arrivals);
                        return null;
                    },
                    PATIENCE);
        } catch (RuntimeException e) {
            if (Outages.isOutage(e)) {
                Outages.logRefusal(log, "presence of " + batch.size() + " sockets", e);
            } else {
                throw e;
            }
        }
    }

    @Override
    public void destroy() {
        worker.interrupt();
    }
}
