package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.TypingState;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Typing indicators are ephemeral (never in the database) and expire: a {@code typing: true} not renewed within
 * {@code chat.realtime.typing-timeout} ends with an {@code is_typing: false} sent on the user's behalf by the node
 * that holds the typer's socket. Who is typing is also kept in {@link TypingState} (Redis on several nodes), so a
 * socket opening on any node is told; those entries expire by themselves if that node dies.
 */
@Component
class TypingTracker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TypingTracker.class);

    private record Key(UUID roomId, String userId) {}

    private final Map<Key, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("typing-expiry").daemon().factory());
    private final Duration timeout;
    private final TypingState state;

    TypingTracker(RealtimeProperties properties, TypingState state) {
        this.timeout = properties.typingTimeout();
        this.state = state;
    }

    /** Records that the user started (or is still) typing; {@code onExpiry} runs if they go quiet. */
    void started(UUID roomId, String userId, Runnable onExpiry) {
        Key key = new Key(roomId, userId);
        ScheduledFuture<?> expiry = timer.schedule(
                () -> {
                    if (expiries.remove(key) != null) {
                        forget(roomId, userId);
                        onExpiry.run();
                    }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = expiries.put(key, expiry);
        if (previous != null) {
            previous.cancel(false);
        }
        try {
            state.started(roomId, userId, timeout);
        } catch (RuntimeException e) {
            log.debug("typing state not shared: {}", e.getMessage());
        }
    }

    /** Who is typing in each of the rooms, on any node; rooms where no one is (or that cannot be known) left out. */
    Map<UUID, Set<String>> typingIn(Collection<UUID> roomIds) {
        try {
            return state.typingIn(roomIds);
        } catch (RuntimeException e) {
            log.debug("typing state not read: {}", e.getMessage());
            return Map.of();
        }
    }

    private void forget(UUID roomId, String userId) {
        try {
            state.stopped(roomId, userId);
        } catch (RuntimeException e) {
            log.debug("typing state not shared: {}", e.getMessage());
        }
    }

    /** Records that the user stopped typing; true when they had been typing. */
    boolean stopped(UUID roomId, String userId) {
        ScheduledFuture<?> expiry = expiries.remove(new Key(roomId, userId));
        if (expiry != null) {
            expiry.cancel(false);
            forget(roomId, userId);
        }
        return expiry != null;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
