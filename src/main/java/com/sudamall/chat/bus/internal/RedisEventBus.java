package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The cluster bus ({@code chat.bus=redis}): Redis pub/sub with one channel per room and one per user, subscribed
 * only while this node has sockets on it. A node hears its own publications through its subscription, so local
 * and remote sockets get events by the same path and in the same order.
 */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "redis")
class RedisEventBus implements EventBus, MessageListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);
    private static final String PREFIX = "chat:";
    /** Published on a channel right after subscribing; its echo proves the subscription is live. */
    private static final String PROBE = "\u0000probe";

    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(3);

    private final RedisNode node;
    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer listeners;
    private final Map<String, CountDownLatch> confirming = new ConcurrentHashMap<>();
    private volatile Consumer<BusEvent> consumer = event -> {};
    /**
     * Local delivery runs off Redis's I/O thread (it may write to slow sockets, or subscribe and wait for Redis),
     * with each channel always on the same thread so its events keep their order.
     */
    private final List<ExecutorService> dispatchers = IntStream.range(
                    0, Math.max(2, Runtime.getRuntime().availableProcessors()))
            .mapToObj(i -> Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("bus-dispatch-" + i).daemon().factory()))
            .toList();

    private final Timer lag;

    RedisEventBus(RedisNode node, MeterRegistry meters) {
        this.lag = Timer.builder("chat.bus.lag")
                .description("from an event's publication by any node to its arrival here through Redis")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
        this.node = node;
        this.redis = node.redis();
        this.listeners = node.listeners();
    }

    @Override
    public void publish(BusEvent event) {
        node.publisher().publish(PREFIX + event.channel().name(), BusEventText.write(event));
    }

    @Override
    public void onEvent(Consumer<BusEvent> consumer) {
        this.consumer = consumer;
    }

    /**
     * Subscribes and waits until Redis delivers on each channel: a pub/sub subscription becomes live asynchronously,
     * and a message published in between would silently miss the socket that caused the subscription.
     */
    @Override
    public void subscribe(Collection<Channel> channels) {
        if (channels.isEmpty()) {
            return;
        }
        Map<String, CountDownLatch> waiting = new HashMap<>();
        channels.forEach(channel -> waiting.put(PREFIX + channel.name(), new CountDownLatch(1)));
        confirming.putAll(waiting);
        long deadline = System.nanoTime() + SUBSCRIBE_TIMEOUT.toNanos();
        try {
            listeners.addMessageListener(
                    this, waiting.keySet().stream().map(ChannelTopic::new).toList());
            while (System.nanoTime() < deadline) {
                waiting.values().removeIf(live -> live.getCount() == 0);
                if (waiting.isEmpty()) {
                    return;
                }
                waiting.keySet().forEach(name -> redis.convertAndSend(name, PROBE));
                Thread.sleep(20);
            }
            log.warn("Redis did not confirm the subscription to {} within {}", waiting.keySet(), SUBSCRIBE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Redis is away: the listener stays registered and the container subscribes when Redis is back, and then
            // this node catches its sockets up from the database. A socket (or the node's start) need not fail.
            log.warn("Redis did not answer while subscribing to {}: {}", waiting.keySet(), e.getMessage());
        } finally {
            channels.forEach(channel -> confirming.remove(PREFIX + channel.name()));
        }
    }

    @Override
    public void unsubscribe(Channel channel) {
        listeners.removeMessageListener(this, new ChannelTopic(PREFIX + channel.name()));
    }

    private void deliver(BusEvent event) {
        try {
            consumer.accept(event);
        } catch (RuntimeException e) {
            log.error("event on {} not delivered", event.channel().name(), e);
        }
    }

    @Override
    public void destroy() {
        dispatchers.forEach(ExecutorService::shutdownNow);
    }

    @Override
    public void onRecovery(Runnable task) {
        node.onRecovery(task);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String channel = new String(message.getChannel(), StandardCharsets.UTF_8).substring(PREFIX.length());
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        if (body.equals(PROBE)) {
            CountDownLatch live = confirming.get(PREFIX + channel);
            if (live != null) {
                live.countDown();
            }
            return;
        }
        BusEvent event;
        try {
            event = BusEventText.read(new Channel(channel), body);
        } catch (RuntimeException e) {
            // not from a node of ours (or from a release that cannot be read): dropped, never on Redis's I/O thread
            log.warn("unreadable event on {} dropped: {}", channel, e.getMessage());
            return;
        }
        if (event.publishedAt() > 0) {
            lag.record(Math.max(0, System.currentTimeMillis() - event.publishedAt()), TimeUnit.MILLISECONDS);
        }
        dispatchers.get(Math.floorMod(channel.hashCode(), dispatchers.size())).execute(() -> deliver(event));
    }
}
