package com.sudamall.chat.bus.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * This node as the other nodes see it through Redis: an id, a heartbeat key that says it is alive, and the one
 * subscription connection. The subscription to the node's own control channel is confirmed by Redis once at start
 * and again each time the connection is re-established after a loss (a Redis restart, a network break); that second
 * confirmation is the signal to recover whatever was published in between.
 */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "redis")
class RedisNode implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisNode.class);
    static final String ALIVE_PREFIX = "chat:node:";
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration ALIVE_FOR = Duration.ofSeconds(30);
    private static final long RECONNECT_EVERY_MILLIS = 1_000;

    private final String id = UUID.randomUUID().toString();
    private final StringRedisTemplate redis;
    private final RedisPublisher publisher;
    private final RedisMessageListenerContainer listeners = new RedisMessageListenerContainer();
    private final List<Runnable> recoveryTasks = new CopyOnWriteArrayList<>();
    private final AtomicInteger confirmations = new AtomicInteger();
    private final ControlChannel control = new ControlChannel();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("redis-node").daemon().factory());

    RedisNode(RedisConnectionFactory connections, MeterRegistry meters) {
        this.redis = new StringRedisTemplate(connections);
        this.publisher = new RedisPublisher(connections, redis, meters);
        listeners.setConnectionFactory(connections);
        listeners.setRecoveryInterval(RECONNECT_EVERY_MILLIS);
        // Messages are handed over on Redis's I/O thread, in the order Redis sent them; the default would start a
        // thread per message and lose that order. Listeners must not block.
        listeners.setTaskExecutor(Runnable::run);
        listeners.setSubscriptionExecutor(new SimpleAsyncTaskExecutor("redis-subscribe-"));
        listeners.afterPropertiesSet();
        listeners.start();
        subscribeControlChannel();
        timer.scheduleAtFixedRate(this::heartbeat, 0, HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A node starts even while Redis does not answer (down, or too slow on a loaded machine): it serves its own
     * sockets meanwhile, and joins the bus as soon as the control channel's subscription goes through.
     */
    private void subscribeControlChannel() {
        try {
            listeners.addMessageListener(control, new ChannelTopic(ALIVE_PREFIX + id));
        } catch (RuntimeException e) {
            log.warn("Redis did not answer ({}): trying again in {} ms", e.getMessage(), RECONNECT_EVERY_MILLIS);
            timer.schedule(this::subscribeControlChannel, RECONNECT_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
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

    RedisMessageListenerContainer listeners() {
        return listeners;
    }

    /** Runs the task, off Redis's I/O threads, each time this node's link to Redis is back after a loss. */
    void onRecovery(Runnable task) {
        recoveryTasks.add(task);
    }

    /** Whether a node's heartbeat is current (a node that died without saying goodbye stops counting soon). */
    static String aliveKey(String nodeId) {
        return ALIVE_PREFIX + nodeId;
    }

    private void heartbeat() {
        try {
            redis.opsForValue().set(aliveKey(id), "1", ALIVE_FOR);
        } catch (RuntimeException e) {
            log.debug("heartbeat failed: {}", e.getMessage());
        }
    }

    private void recovered() {
        log.info("Redis link is back: bringing this node's sockets up to date");
        heartbeat();
        for (Runnable task : recoveryTasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("recovery task failed", e);
            }
        }
    }

    private final class ControlChannel implements MessageListener, SubscriptionListener {

        @Override
        public void onMessage(Message message, byte[] pattern) {}

        @Override
        public void onChannelSubscribed(byte[] channel, long count) {
            if (confirmations.incrementAndGet() > 1) {
                timer.execute(RedisNode.this::recovered);
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
        listeners.destroy();
        publisher.destroy();
    }
}
