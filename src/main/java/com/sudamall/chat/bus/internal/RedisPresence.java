package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.Presence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * Adds each ARGV[3 + i] to this node's count in KEYS[i] and returns each user's total over live nodes, dropping
     * the counts of dead nodes it meets. Many keys in one script is fine: the bus needs a standalone Redis.
     */
    private static final RedisScript<List> COUNT = RedisScript.of("""
            local alive = {}
            local totals = {}
            for k = 1, #KEYS do
              local delta = tonumber(ARGV[3 + k])
              if delta ~= 0 then
                if redis.call('HINCRBY', KEYS[k], ARGV[1], delta) <= 0 then redis.call('HDEL', KEYS[k], ARGV[1]) end
                redis.call('EXPIRE', KEYS[k], ARGV[3])
              end
              local total = 0
              local fields = redis.call('HGETALL', KEYS[k])
              for i = 1, #fields, 2 do
                local node = fields[i]
                if alive[node] == nil then
                  alive[node] = node == ARGV[1] or redis.call('EXISTS', ARGV[2] .. node) == 1
                end
                if alive[node] then
                  total = total + tonumber(fields[i + 1])
                else
                  redis.call('HDEL', KEYS[k], node)
                end
              end
              totals[k] = total
            end
            return totals
            """, List.class);

    private final RedisNode node;
    private final Map<String, Integer> local = new ConcurrentHashMap<>();

    RedisPresence(RedisNode node) {
        this.node = node;
        node.onRecovery(this::rewriteLocalCounts);
    }

    @Override
    public long[] count(List<Count> counts) {
        if (counts.isEmpty()) {
            return new long[0];
        }
        List<String> keys = new ArrayList<>(counts.size());
        List<String> args = new ArrayList<>(counts.size() + 3);
        args.addAll(List.of(node.id(), RedisNode.ALIVE_PREFIX, Long.toString(KEEP.toSeconds())));
        for (Count count : counts) {
            if (count.delta() != 0) {
                local.compute(count.userId(), (id, was) -> {
                    int now = (was == null ? 0 : was) + count.delta();
                    return now > 0 ? now : null;
                });
            }
            keys.add(PREFIX + count.userId());
            args.add(Integer.toString(count.delta()));
        }
        List<?> totals = node.redis().execute(COUNT, keys, args.toArray());
        long[] result = new long[counts.size()];
        for (int i = 0; i < result.length && totals != null && i < totals.size(); i++) {
            result[i] = ((Number) totals.get(i)).longValue();
        }
        return result;
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
