package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
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
    private static final char SEPARATOR = '\n';
    /** Published on a channel right after subscribing; its echo proves the subscription is live. */
    private static final String PROBE = "\u0000probe";

    private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(3);

    private final StringRedisTemplate redis;
    private final RedisMessageListenerContainer listeners;
    private final Map<String, CountDownLatch> confirming = new ConcurrentHashMap<>();
    private volatile Consumer<BusEvent> consumer = event -> {};

    RedisEventBus(RedisConnectionFactory connections) {
        this.redis = new StringRedisTemplate(connections);
        this.listeners = new RedisMessageListenerContainer();
        this.listeners.setConnectionFactory(connections);
        this.listeners.afterPropertiesSet();
        this.listeners.start();
    }

    @Override
    public void publish(BusEvent event) {
        // User ids never contain a newline, so "<skip user>\n<seq>\n<frame>" needs no escaping.
        String skip = event.skipUserId() == null ? "" : event.skipUserId();
        redis.convertAndSend(
                PREFIX + event.channel().name(), skip + SEPARATOR + event.seq() + SEPARATOR + event.frame());
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
        listeners.addMessageListener(
                this, waiting.keySet().stream().map(ChannelTopic::new).toList());
        long deadline = System.nanoTime() + SUBSCRIBE_TIMEOUT.toNanos();
        try {
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
        } finally {
            channels.forEach(channel -> confirming.remove(PREFIX + channel.name()));
        }
    }

    @Override
    public void unsubscribe(Channel channel) {
        listeners.removeMessageListener(this, new ChannelTopic(PREFIX + channel.name()));
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
        int first = body.indexOf(SEPARATOR);
        int second = body.indexOf(SEPARATOR, first + 1);
        String skip = body.substring(0, first);
        long seq = Long.parseLong(body.substring(first + 1, second));
        consumer.accept(
                new BusEvent(new Channel(channel), body.substring(second + 1), skip.isEmpty() ? null : skip, seq));
    }

    @Override
    public void destroy() throws Exception {
        listeners.destroy();
    }
}
