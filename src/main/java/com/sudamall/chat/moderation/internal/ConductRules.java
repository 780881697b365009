package com.sudamall.chat.moderation.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sudamall.chat.room.Conduct;
import com.sudamall.chat.room.ConductChanged;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomType;
import com.sudamall.chat.web.AfterCommit;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Blocks and mutes, checked on every send. Both are read through caches so that a send costs no query for them: a
 * block or mute made on this node applies once it commits, and on the other nodes when {@link ConductChanged} reaches
 * them over the bus (a node cut off from the bus forgets everything when it is back). {@link #FRESHNESS} only bounds
 * what a lost change could cost; before, it was 5 s, and reloading every sender's state that often was a query per
 * sender every 5 s on the send path.
 */
@Component
class ConductRules implements Conduct {

    static final Duration FRESHNESS = Duration.ofMinutes(10);

    private final ConductRepository conduct;
    private final RoomAccess rooms;
    private final RateLimiter limits;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Cache<String, Set<String>> blockers = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(FRESHNESS)
            .build();
    private final Cache<String, Optional<Instant>> mutes = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(FRESHNESS)
            .build();

    ConductRules(
            ConductRepository conduct,
            RoomAccess rooms,
            RateLimiter limits,
            Clock clock,
            ApplicationEventPublisher events) {
        this.conduct = conduct;
        this.rooms = rooms;
        this.limits = limits;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void checkSend(String userId, Room room) {
        Optional<Instant> mutedUntil = mutes.get(userId, conduct::mutedUntil);
        if (mutedUntil.isPresent() && mutedUntil.get().isAfter(clock.instant())) {
            throw new ChatException(
                    ErrorCode.MUTED, "A moderator muted you until " + mutedUntil.get() + "; you can't send messages");
        }
        if (room.type() == RoomType.PRIVATE || room.type() == RoomType.CUSTOMER_STORE) {
            Set<String> members = rooms.memberIds(room.id());
            if (blockersOf(userId).stream().anyMatch(members::contains)) {
                throw new ChatException(ErrorCode.BLOCKED, "A participant of this conversation has blocked you");
            }
        }
        limits.message(userId);
    }

    @Override
    public void checkOpen(String userId, Collection<String> participantIds) {
        Set<String> blockedBy = blockersOf(userId);
        if (participantIds.stream().anyMatch(blockedBy::contains)) {
            throw new ChatException(ErrorCode.BLOCKED, "One of these users has blocked you");
        }
        limits.room(userId);
    }

    @Override
    public void checkConnect(String userId) {
        limits.connect(userId);
    }

    private Set<String> blockersOf(String userId) {
        return blockers.get(userId, id -> Set.copyOf(conduct.blockersOf(id)));
    }

    /**
     * A block, unblock, mute or unmute of the user, inside its transaction: forgotten here once it commits (before
     * the caller is answered; forgetting earlier would let a send in between remember the old state again), and on
     * every node through {@link ConductChanged}.
     */
    void changed(String userId) {
        AfterCommit.run(() -> forget(userId));
        events.publishEvent(new ConductChanged(userId));
    }

    @Override
    public void forget(String userId) {
        blockers.invalidate(userId);
        mutes.invalidate(userId);
    }

    @Override
    public void forgetAll() {
        blockers.invalidateAll();
        mutes.invalidateAll();
    }
}
