package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The cluster bus ({@code chat.bus=redis}): Redis pub/sub with one channel per room and one per user, subscribed
 * only while this node has sockets on it. A node hears its own publications through its subscription, so local
 * and remote sockets get events by the same path and in the same order.
 */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "redis")
class RedisEventBus implements EventBus, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);
    private static final String PREFIX = "chat:";

    private final RedisNode node;
    private volatile Consumer<BusEvent> consumer = event -> {};
    private final List<Consumer<Channel>> recoveryTasks = new CopyOnWriteArrayList<>();
    /**
     * Local delivery runs off Redis's I/O thread (it may write to many sockets), with each channel always on the
     * same thread so its events keep their order.
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
        node.onMessage(this::onMessage);
        node.onLiveAgain(this::onLiveAgain);
    }

    @Override
    public void publish(BusEvent event) {
        node.publisher().publish(PREFIX + event.channel().name(), BusEventText.write(event));
    }

    @Override
    public void onEvent(Consumer<BusEvent> consumer) {
        this.consumer = consumer;
    }

    @Override
    public CompletableFuture<Void> subscribe(Collection<Channel> channels) {
        return node.subscriptions()
                .subscribe(channels.stream()
                        .map(channel -> PREFIX + channel.name())
                        .toList());
    }

    @Override
    public void unsubscribe(Channel channel) {
        node.subscriptions().unsubscribe(PREFIX + channel.name());
    }

    @Override
    public void onRecovery(Consumer<Channel> task) {
        recoveryTasks.add(task);
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

    private ExecutorService dispatcherOf(String channel) {
        return dispatchers.get(Math.floorMod(channel.hashCode(), dispatchers.size()));
    }

    /** Behind the channel's events already received, so a recovery never overtakes what arrived before it. */
    private void onLiveAgain(String name) {
        if (!name.startsWith(PREFIX)) {
            return;
        }
        Channel channel = new Channel(name.substring(PREFIX.length()));
        dispatcherOf(name)
                .execute(() -> recoveryTasks.forEach(task -> {
                    try {
                        task.accept(channel);
                    } catch (RuntimeException e) {
                        log.error("recovery of {} failed", name, e);
                    }
                }));
    }

    private void onMessage(String name, String body) {
        if (!name.startsWith(PREFIX)) {
            return;
        }
        String channel = name.substring(PREFIX.length());
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
        dispatcherOf(name).execute(() -> deliver(event));
    }
}
