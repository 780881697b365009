package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.Presence;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Presence across nodes ({@code chat.bus=redis}): a hash per user holds each node's socket count for them. Counts of
 * nodes whose heartbeat has expired are dropped as they are read, so a crashed node's users go offline. This node
 * also keeps its own counts, and writes them back when its Redis link returns (Redis may have restarted empty).
 */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "redis")
class RedisPresence implements Presence {

    private static final Logger log = LoggerFactory.getLogger(RedisPresence.class);
    private static final String PREFIX = "chat:presence:";
    private static final Duration KEEP = Duration.ofDays(1);

    /** Adds ARGV[2] to this node's count and returns the user's total over live nodes. */
    private static final RedisScript<Long> CHANGE = RedisScript.of("""
            local mine = redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
            if mine <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
            redis.call('EXPIRE', KEYS[1], ARGV[4])
            local total = 0
            local fields = redis.call('HGETALL', KEYS[1])
            for i = 1, #fields, 2 do
              if fields[i] == ARGV[1] or redis.call('EXISTS', ARGV[3] .. fields[i]) == 1 then
                total = total + tonumber(fields[i + 1])
              else
                redis.call('HDEL', KEYS[1], fields[i])
              end
            end
            return total
            """, Long.class);

    private final RedisNode node;
    private final Map<String, Integer> local = new ConcurrentHashMap<>();

    RedisPresence(RedisNode node) {
        this.node = node;
        node.onRecovery(this::rewriteLocalCounts);
    }

    @Override
    public boolean connected(String userId) {
        local.merge(userId, 1, Integer::sum);
        return change(userId, 1) == 1;
    }

    @Override
    public boolean disconnected(String userId) {
        local.computeIfPresent(userId, (id, count) -> count > 1 ? count - 1 : null);
        return change(userId, -1) == 0;
    }

    @Override
    public Set<String> online(Collection<String> userIds) {
        return userIds.stream().filter(id -> change(id, 0) > 0).collect(Collectors.toSet());
    }

    private long change(String userId, int delta) {
        Long total = node.redis()
                .execute(
                        CHANGE,
                        List.of(PREFIX + userId),
                        node.id(),
                        Integer.toString(delta),
                        RedisNode.ALIVE_PREFIX,
                        Long.toString(KEEP.toSeconds()));
        return total == null ? 0 : total;
    }

    private void rewriteLocalCounts() {
        local.forEach((userId, count) -> {
            try {
                node.redis().opsForHash().put(PREFIX + userId, node.id(), count.toString());
                node.redis().expire(PREFIX + userId, KEEP);
            } catch (RuntimeException e) {
                log.warn("could not restore presence of {}: {}", userId, e.getMessage());
            }
        });
    }
}
