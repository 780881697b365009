package com.sudamall.chat.bus.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * <p>Commands are not flushed one by one: a publish queues a flush on one of Lettuce's executors unless one is already
 * queued, so the hundreds of events a lane publishes after a batch go out in a few writes instead of a system call
 * and an event-loop wake-up each, and a lone event still leaves at once.
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
    private final @Nullable EventExecutor flusher;
    private final AtomicBoolean flushQueued = new AtomicBoolean();

    RedisPublisher(RedisConnectionFactory factory, StringRedisTemplate fallback, MeterRegistry meters) {
        this.fallback = fallback;
        RedisClient client = factory instanceof LettuceConnectionFactory lettuce
                        && lettuce.getNativeClient() instanceof RedisClient standalone
                ? standalone
                : null;
        this.connection = client == null ? null : client.connect();
        this.flusher = client == null
                ? null
                : client.getResources().eventExecutorGroup().next();
        if (connection != null) {
            connection.setAutoFlushCommands(false);
        }
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
        if (flushQueued.compareAndSet(false, true)) {
            flusher.execute(() -> {
                // cleared first: a publish racing with this flush queues the next one rather than being left behind
                flushQueued.set(false);
                connection.flushCommands();
            });
        }
    }

    @Override
    public void destroy() {
        if (connection != null) {
            connection.close();
        }
    }
}
