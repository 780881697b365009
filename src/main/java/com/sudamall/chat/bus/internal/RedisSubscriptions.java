package com.sudamall.chat.bus.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one pub/sub connection to Redis, subscribing channels in batches. Redis answers a {@code SUBSCRIBE}
 * with one confirmation per channel and delivers the channel's messages from that confirmation on, so the
 * confirmation (not a probe) is when a channel becomes live. Requests queue while a command is on its way and leave
 * together as the next command: a burst of thousands of sockets costs a handful of round trips, and no caller waits
 * on Redis.
 *
 * <p>Lettuce reconnects by itself after a loss and subscribes every channel again; a confirmation that comes for a
 * channel already live means it is live again after a break, and is reported as such: what was published during
 * the break never arrived.
 */
final class RedisSubscriptions extends RedisPubSubAdapter<String, String> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisSubscriptions.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    /** A channel not confirmed this long after its request is asked for again (a command lost with a connection). */
    private static final Duration CONFIRM_WITHIN = Duration.ofSeconds(5);

    private static final int MAX_BATCH = 1_000;

    private record Change(String channel, boolean subscribe) {}

    private final RedisClient client;
    private final BiConsumer<String, String> messages;
    private final Consumer<String> liveAgain;
    /** The channels wanted on this node, each with the future its first confirmation completes. */
    private final Map<String, CompletableFuture<Void>> wanted = new ConcurrentHashMap<>();

    private final Queue<Change> changes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final ScheduledExecutorService subscriber = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("redis-subscriber").daemon().factory());
    private volatile @Nullable StatefulRedisPubSubConnection<String, String> connection;
    private volatile boolean closed;

    /**
     * @param messages gets each message as (channel, body), on Redis's I/O thread: it must not block
     * @param liveAgain gets each channel that is live again after a break
     */
    RedisSubscriptions(RedisClient client, BiConsumer<String, String> messages, Consumer<String> liveAgain) {
        this.client = client;
        this.messages = messages;
        this.liveAgain = liveAgain;
    }

    /** Subscribes the channels; the future completes once Redis confirmed every one of them. */
    CompletableFuture<Void> subscribe(Collection<String> channels) {
        List<CompletableFuture<Void>> confirmations = new ArrayList<>(channels.size());
        for (String channel : channels) {
            CompletableFuture<Void> live = new CompletableFuture<>();
            CompletableFuture<Void> known = wanted.putIfAbsent(channel, live);
            confirmations.add(known != null ? known : live);
            if (known == null) {
                changes.add(new Change(channel, true));
                subscriber.schedule(
                        () -> confirmOrAskAgain(channel, live), CONFIRM_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        scheduleFlush();
        return CompletableFuture.allOf(confirmations.toArray(CompletableFuture[]::new));
    }

    void unsubscribe(String channel) {
        if (wanted.remove(channel) != null) {
            changes.add(new Change(channel, false));
            scheduleFlush();
        }
    }

    private void confirmOrAskAgain(String channel, CompletableFuture<Void> live) {
        if (!live.isDone() && wanted.get(channel) == live) {
            log.warn("Redis has not confirmed the subscription to {} within {}: asking again", channel, CONFIRM_WITHIN);
            changes.add(new Change(channel, true));
            scheduleFlush();
            subscriber.schedule(
                    () -> confirmOrAskAgain(channel, live), CONFIRM_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            subscriber.execute(this::flush);
        }
    }

    /**
     * Sends what queued up, in order, as few commands as it can: consecutive subscriptions as one {@code SUBSCRIBE},
     * consecutive cancellations as one {@code UNSUBSCRIBE}. Runs on the subscriber thread only.
     */
    private void flush() {
        flushScheduled.set(false);
        StatefulRedisPubSubConnection<String, String> link = connected();
        if (link == null) {
            subscriber.schedule(this::scheduleFlush, RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        List<String> batch = new ArrayList<>();
        boolean subscribing = true;
        for (Change change = changes.poll(); change != null; change = changes.poll()) {
            if (change.subscribe() != subscribing || batch.size() == MAX_BATCH) {
                send(link, subscribing, batch);
                subscribing = change.subscribe();
            }
            batch.add(change.channel());
        }
        send(link, subscribing, batch);
    }

    private void send(StatefulRedisPubSubConnection<String, String> link, boolean subscribe, List<String> batch) {
        if (batch.isEmpty()) {
            return;
        }
        String[] channels = batch.toArray(String[]::new);
        batch.clear();
        // Lettuce queues the command while it reconnects; the confirmations are what counts, not this future
        (subscribe ? link.async().subscribe(channels) : link.async().unsubscribe(channels))
                .whenComplete((ok, error) -> {
                    if (error != null && !closed) {
                        log.warn(
                                "Redis refused {} of {} channels: {}",
                                subscribe ? "SUBSCRIBE" : "UNSUBSCRIBE",
                                channels.length,
                                error.getMessage());
                    }
                });
    }

    /** The connection, opened on first use: a node starts, and serves its own sockets, while Redis is away. */
    private @Nullable StatefulRedisPubSubConnection<String, String> connected() {
        StatefulRedisPubSubConnection<String, String> link = connection;
        if (link != null) {
            return link;
        }
        try {
            link = client.connectPubSub(StringCodec.UTF8);
            link.addListener(this);
            connection = link;
            return link;
        } catch (RuntimeException e) {
            log.warn("Redis did not answer ({}): subscribing again in {}", e.getMessage(), RETRY_EVERY);
            return null;
        }
    }

    @Override
    public void message(String channel, String body) {
        messages.accept(channel, body);
    }

    @Override
    public void subscribed(String channel, long count) {
        CompletableFuture<Void> live = wanted.get(channel);
        if (live == null) {
            return; // cancelled meanwhile: its UNSUBSCRIBE follows
        }
        if (!live.complete(null)) {
            liveAgain.accept(channel);
        }
    }

    @Override
    public void close() {
        closed = true;
        subscriber.shutdownNow();
        StatefulRedisPubSubConnection<String, String> link = connection;
        if (link != null) {
            link.close();
        }
    }
}
