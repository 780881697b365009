package com.sudamall.chat.moderation.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sudamall.chat.room.Conduct;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomType;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Blocks and mutes, checked on every send. Both are read through short-lived caches so that a send costs no query
 * for them: a block or mute made on this node applies at once, one made on another node within {@link #FRESHNESS}.
 */
@Component
class ConductRules implements Conduct {

    static final Duration FRESHNESS = Duration.ofSeconds(5);

    private final ConductRepository conduct;
    private final RoomAccess rooms;
    private final RateLimiter limits;
    private final Clock clock;
    private final Cache<String, Set<String>> blockers = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(FRESHNESS)
            .build();
    private final Cache<String, Optional<Instant>> mutes = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(FRESHNESS)
            .build();

    ConductRules(ConductRepository conduct, RoomAccess rooms, RateLimiter limits, Clock clock) {
        this.conduct = conduct;
        this.rooms = rooms;
        this.limits = limits;
        this.clock = clock;
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

    /** A block or unblock on this node counts at once. */
    void forgetBlocks(String blockedId) {
        blockers.invalidate(blockedId);
    }

    /** A mute or unmute on this node counts at once. */
    void forgetMute(String userId) {
        mutes.invalidate(userId);
    }
}
