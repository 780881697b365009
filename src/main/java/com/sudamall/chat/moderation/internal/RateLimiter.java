package com.sudamall.chat.moderation.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sudamall.chat.web.ChatException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Per-user token buckets (Bucket4j) for messages, rooms and WebSocket connects. With the Redis bus the buckets live
 * in Redis, so a user's limit is the same whichever nodes their requests reach; otherwise in this node's memory. A
 * Redis that does not answer within 500 ms lets the request through (counted in {@code
 * chat.rate_limits.unavailable}), and for the next 10 seconds this node counts in memory rather than wait on Redis
 * for every request: a limit must not stop the chat.
 */
@Component
class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
    // after Redis failed to answer, this node counts in memory for a while instead of waiting on it per request
    private static final Duration REDIS_BACKOFF = Duration.ofSeconds(10);

    private volatile long redisRetryAt = System.nanoTime();

    private final RateLimitProperties properties;
    private final MeterRegistry meters;
    private final BucketConfiguration messages;
    private final BucketConfiguration rooms;
    private final BucketConfiguration connects;
    private final Cache<String, Bucket> local = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    private final @Nullable StatefulRedisConnection<String, byte[]> connection;
    private final @Nullable ProxyManager<String> shared;

    RateLimiter(
            RateLimitProperties properties,
            MeterRegistry meters,
            @Value("${chat.bus:in-process}") String bus,
            ObjectProvider<RedisConnectionFactory> redis) {
        this.properties = properties;
        this.meters = meters;
        this.messages = BucketConfiguration.builder()
                .addLimit(perPeriod(properties.messagesPerSecond(), Duration.ofSeconds(1)))
                .addLimit(perPeriod(properties.messagesPerMinute(), Duration.ofMinutes(1)))
                .build();
        this.rooms = BucketConfiguration.builder()
                .addLimit(perPeriod(properties.roomsPerHour(), Duration.ofHours(1)))
                .build();
        this.connects = BucketConfiguration.builder()
                .addLimit(perPeriod(properties.connectsPerMinute(), Duration.ofMinutes(1)))
                .build();
        StatefulRedisConnection<String, byte[]> opened = null;
        if ("redis".equals(bus)
                && redis.getIfAvailable() instanceof LettuceConnectionFactory lettuce
                && lettuce.getNativeClient() instanceof RedisClient client) {
            try {
                opened = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                opened.setTimeout(REDIS_TIMEOUT);
            } catch (RuntimeException e) {
                log.warn("Rate limits kept in this node's memory: Redis is not reachable ({})", e.toString());
            }
        }
        this.connection = opened;
        this.shared = opened == null
                ? null
                : Bucket4jLettuce.casBasedBuilder(opened)
                        .requestTimeout(REDIS_TIMEOUT)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofMinutes(1)))
                        .build();
    }

    private static Bandwidth perPeriod(int tokens, Duration period) {
        return Bandwidth.builder().capacity(tokens).refillGreedy(tokens, period).build();
    }

    void message(String userId) {
        take("chat:rl:msg:" + userId, messages, "Too many messages: wait a moment before sending more");
    }

    void room(String userId) {
        take("chat:rl:room:" + userId, rooms, "Too many new conversations: try again later");
    }

    void connect(String userId) {
        take("chat:rl:ws:" + userId, connects, "Too many connections: wait a moment before reconnecting");
    }

    private void take(String key, BucketConfiguration configuration, String detail) {
        if (!properties.enabled()) {
            return;
        }
        ConsumptionProbe probe;
        try {
            boolean useRedis = shared != null && System.nanoTime() - redisRetryAt >= 0;
            Bucket bucket = useRedis
                    ? shared.builder().build(key, () -> configuration)
                    : local.get(key, k -> localBucket(configuration));
            probe = bucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            meters.counter("chat.rate_limits.unavailable").increment();
            redisRetryAt = System.nanoTime() + REDIS_BACKOFF.toNanos();
            log.debug("Rate limit {} not checked: {}", key, e.toString());
            return;
        }
        if (!probe.isConsumed()) {
            meters.counter("chat.rate_limits.refused", "limit", key.substring(8, key.indexOf(':', 8)))
                    .increment();
            throw ChatException.rateLimited(
                    detail, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        }
    }

    private static Bucket localBucket(BucketConfiguration configuration) {
        var builder = Bucket.builder();
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }

    @PreDestroy
    void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
