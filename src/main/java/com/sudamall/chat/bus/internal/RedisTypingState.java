package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.TypingState;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Typing state across nodes ({@code chat.bus=redis}): a sorted set per room, each typer scored by when their
 * indicator expires. The key itself expires with its last typer, so a dead node leaves nothing behind.
 */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "redis")
class RedisTypingState implements TypingState {

    private static final String PREFIX = "chat:typing:";

    /** The typers of each room in KEYS whose indicator has not expired at ARGV[1]: one round trip for many rooms. */
    private static final RedisScript<List> TYPERS = RedisScript.of("""
            local typers = {}
            for k = 1, #KEYS do typers[k] = redis.call('ZRANGEBYSCORE', KEYS[k], ARGV[1], '+inf') end
            return typers
            """, List.class);

    private final RedisNode node;
    private final Clock clock;

    RedisTypingState(RedisNode node, Clock clock) {
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void started(UUID roomId, String userId, Duration timeout) {
        String key = PREFIX + roomId;
        node.redis().opsForZSet().add(key, userId, clock.millis() + timeout.toMillis());
        node.redis().expire(key, timeout);
    }

    @Override
    public void stopped(UUID roomId, String userId) {
        node.redis().opsForZSet().remove(PREFIX + roomId, userId);
    }

    @Override
    public Map<UUID, Set<String>> typingIn(Collection<UUID> roomIds) {
        List<UUID> rooms = List.copyOf(roomIds);
        if (rooms.isEmpty()) {
            return Map.of();
        }
        List<?> typers = node.redis()
                .execute(TYPERS, rooms.stream().map(roomId -> PREFIX + roomId).toList(), Long.toString(clock.millis()));
        Map<UUID, Set<String>> typing = new HashMap<>();
        for (int i = 0; typers != null && i < typers.size(); i++) {
            if (typers.get(i) instanceof List<?> ids && !ids.isEmpty()) {
                typing.put(rooms.get(i), ids.stream().map(String::valueOf).collect(Collectors.toSet()));
            }
        }
        return typing;
    }
}
