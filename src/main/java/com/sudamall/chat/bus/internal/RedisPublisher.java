package com.sudamall.chat.bus.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Publishes bus events without waiting for Redis's reply. The sender's write lane publishes after every commit, and
 * a round trip per event would hold the lane (and the next batch) for it. Lettuce keeps the order of commands on one
 * connection, so events from one thread reach Redis in the order they were published.
 *
 * <p>While the connection is down, events are dropped rather than buffered without bound: the node's sockets are
 * caught up from the database once its subscription is back ({@link RedisNode#onRecovery}). A cluster client has no
 * single connection to order on, so there it falls back to waiting for each reply.
 */
final class RedisPublisher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisPublisher.class);

    private final StringRedisTemplate fallback;
    private final @Nullable StatefulRedisConnection<String, String> connection;
    private final Counter failures;

    RedisPublisher(RedisConnectionFactory factory, StringRedisTemplate fallback, MeterRegistry meters) {
        this.fallback = fallback;
        this.connection = factory instanceof LettuceConnectionFactory lettuce
                        && lettuce.getNativeClient() instanceof RedisClient client
                ? client.connect()
                : null;
        this.failures = Counter.builder("chat.bus.publish.failures")
                .description("Bus events Redis did not accept (the node's sockets are caught up when it is back)")
                .register(meters);
    }

    void publish(String channel, String body) {
        if (connection == null) {
            fallback.convertAndSend(channel, body);
            return;
        }
        if (!connection.isOpen()) {
            failures.increment();
            return;
        }
        connection.async().publish(channel, body).whenComplete((receivers, error) -> {
            if (error != null) {
                failures.increment();
                log.debug("publish on {} failed: {}", channel, error.getMessage());
            }
        });
    }

    @Override
    public void destroy() {
        if (connection != null) {
            connection.close();
        }
    }
}
