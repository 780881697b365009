package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.Presence;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Presence of a single node ({@code chat.bus=in-process}): socket counts in memory. */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "in-process", matchIfMissing = true)
class InProcessPresence implements Presence {

    private final Map<String, Integer> sockets = new ConcurrentHashMap<>();

    @Override
    public boolean connected(String userId) {
        return sockets.merge(userId, 1, Integer::sum) == 1;
    }

    @Override
    public boolean disconnected(String userId) {
        return sockets.computeIfPresent(userId, (id, count) -> count > 1 ? count - 1 : null) == null;
    }

    @Override
    public Set<String> online(Collection<String> userIds) {
        return userIds.stream().filter(sockets::containsKey).collect(Collectors.toSet());
    }
}
