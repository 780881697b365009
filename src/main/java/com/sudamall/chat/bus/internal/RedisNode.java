package com.sudamall.chat.bus.internal;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * This node as the other nodes see it through Redis: an id, a heartbeat key that says it is alive, the connection
 * that publishes and the one that subscribes. The node's own control channel is subscribed first; Redis confirms it
 * again each time the subscription connection is re-established after a loss (a Redis restart, a network break),
 * and that second confirmation is the signal to restore what this node keeps in Redis.
 */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "redis")
class RedisNode implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisNode.class);
    static final String ALIVE_PREFIX = "chat:node:";
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration ALIVE_FOR = Duration.ofSeconds(30);

    private final String id = UUID.randomUUID().toString();
    private final StringRedisTemplate redis;
    private final RedisPublisher publisher;
    private final RedisSubscriptions subscriptions;
    private final List<Runnable> recoveryTasks = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, String>> messageListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> liveAgainListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("redis-node").daemon().factory());

    RedisNode(RedisConnectionFactory connections, MeterRegistry meters) {
        this.redis = new StringRedisTemplate(connections);
        this.publisher = new RedisPublisher(connections, redis, meters);
        if (!(connections instanceof LettuceConnectionFactory lettuce
                && lettuce.getNativeClient() instanceof RedisClient client)) {
            throw new IllegalStateException("The Redis bus needs a standalone Lettuce client (spring.data.redis)");
        }
        this.subscriptions = new RedisSubscriptions(client, this::message, this::liveAgain);
        subscriptions.subscribe(List.of(aliveKey(id)));
        timer.scheduleAtFixedRate(this::heartbeat, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    String id() {
        return id;
    }

    StringRedisTemplate redis() {
        return redis;
    }

    RedisPublisher publisher() {
        return publisher;
    }

    RedisSubscriptions subscriptions() {
        return subscriptions;
    }

    /** Hands every message of the subscribed channels, as (channel, body), to the listener (on Redis's I/O thread). */
    void onMessage(BiConsumer<String, String> listener) {
        messageListeners.add(listener);
    }

    /** Tells the listener of each subscribed channel that is live again after a break (on Redis's I/O thread). */
    void onLiveAgain(Consumer<String> listener) {
        liveAgainListeners.add(listener);
    }

    /** Runs the task, off Redis's I/O threads, each time this node's link to Redis is back after a loss. */
    void onRecovery(Runnable task) {
        recoveryTasks.add(task);
    }

    /** Whether a node's heartbeat is current (a node that died without saying goodbye stops counting soon). */
    static String aliveKey(String nodeId) {
        return ALIVE_PREFIX + nodeId;
    }

    private void message(String channel, String body) {
        for (BiConsumer<String, String> listener : messageListeners) {
            listener.accept(channel, body);
        }
    }

    private void liveAgain(String channel) {
        if (channel.equals(aliveKey(id))) {
            timer.execute(this::recovered);
            return;
        }
        for (Consumer<String> listener : liveAgainListeners) {
            listener.accept(channel);
        }
    }

    private void heartbeat() {
        try {
            redis.opsForValue().set(aliveKey(id), "1", ALIVE_FOR);
        } catch (RuntimeException e) {
            log.debug("heartbeat failed: {}", e.getMessage());
        }
    }

    private void recovered() {
        log.info("Redis link is back: restoring this node's state in Redis");
        heartbeat();
        for (Runnable task : recoveryTasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("recovery task failed", e);
            }
        }
    }

    @Override
    public void destroy() throws Exception {
        timer.shutdownNow();
        try {
            redis.delete(aliveKey(id));
        } catch (RuntimeException e) {
            log.debug("could not say goodbye: {}", e.getMessage());
        }
        subscriptions.close();
        publisher.destroy();
    }
}
