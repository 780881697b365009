package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.TypingState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Typing state of a single node ({@code chat.bus=in-process}): expiry times in memory. */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "in-process", matchIfMissing = true)
class InProcessTypingState implements TypingState {

    private final Map<UUID, Map<String, Instant>> rooms = new ConcurrentHashMap<>();
    private final Clock clock;

    InProcessTypingState(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void started(UUID roomId, String userId, Duration timeout) {
        rooms.computeIfAbsent(roomId, id -> new ConcurrentHashMap<>())
                .put(userId, clock.instant().plus(timeout));
    }

    @Override
    public void stopped(UUID roomId, String userId) {
        rooms.computeIfPresent(roomId, (id, typers) -> {
            typers.remove(userId);
            return typers.isEmpty() ? null : typers;
        });
    }

    @Override
    public Map<UUID, Set<String>> typingIn(Collection<UUID> roomIds) {
        Instant now = clock.instant();
        Map<UUID, Set<String>> typing = new HashMap<>();
        roomIds.forEach(roomId -> {
            Set<String> typers = rooms.getOrDefault(roomId, Map.of()).entrySet().stream()
                    .filter(typer -> typer.getValue().isAfter(now))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            if (!typers.isEmpty()) {
                typing.put(roomId, typers);
            }
        });
        return typing;
    }
}
