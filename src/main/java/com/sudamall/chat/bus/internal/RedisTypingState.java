package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.TypingState;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Typing state across nodes ({@code chat.bus=redis}): a sorted set per room, each typer scored by when their
 * indicator expires. The key itself expires with its last typer, so a dead node leaves nothing behind.
 */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "redis")
class RedisTypingState implements TypingState {

    private static final String PREFIX = "chat:typing:";

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
    public Set<String> typingIn(UUID roomId) {
        Set<String> typers = node.redis().opsForZSet().rangeByScore(PREFIX + roomId, clock.millis(), Double.MAX_VALUE);
        return typers == null ? Set.of() : typers;
    }
}
