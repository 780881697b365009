package com.sudamall.chat.realtime.internal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Typing indicators are ephemeral (never in the database) and expire: a {@code typing: true} not renewed within
 * {@code chat.realtime.typing-timeout} ends with an {@code is_typing: false} sent on the user's behalf.
 */
@Component
class TypingTracker implements DisposableBean {

    private record Key(UUID roomId, String userId) {}

    private final Map<Key, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("typing-expiry").daemon().factory());
    private final Duration timeout;

    TypingTracker(RealtimeProperties properties) {
        this.timeout = properties.typingTimeout();
    }

    /** Records that the user started (or is still) typing; {@code onExpiry} runs if they go quiet. */
    void started(UUID roomId, String userId, Runnable onExpiry) {
        Key key = new Key(roomId, userId);
        ScheduledFuture<?> expiry = timer.schedule(
                () -> {
                    if (expiries.remove(key) != null) {
                        onExpiry.run();
                    }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = expiries.put(key, expiry);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** Records that the user stopped typing; true when they had been typing. */
    boolean stopped(UUID roomId, String userId) {
        ScheduledFuture<?> expiry = expiries.remove(new Key(roomId, userId));
        if (expiry != null) {
            expiry.cancel(false);
        }
        return expiry != null;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
