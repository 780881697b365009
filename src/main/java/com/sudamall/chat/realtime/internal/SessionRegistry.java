package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The open sockets of this node, by channel. A room socket is on its room's channel; a multiplexed socket is on its
 * user's channel and on the channel of each of the user's rooms. The bus carries a channel's events to this node
 * while it has sockets on it.
 */
@Component
class SessionRegistry {

    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(5);

    private final Map<Channel, Entry> byChannel = new ConcurrentHashMap<>();
    private final EventBus bus;

    SessionRegistry(EventBus bus) {
        this.bus = bus;
    }

    /**
     * A channel's local sockets; its monitor orders joins and the last leave. {@code live} completes once this node
     * receives the channel's events, and every socket joining waits for it, not only the one that subscribed.
     */
    private static final class Entry {
        final Set<SocketSession> sessions = ConcurrentHashMap.newKeySet();
        final CompletableFuture<Void> live = new CompletableFuture<>();
        boolean subscribing;
        boolean closed;
    }

    void add(SocketSession session, Channel channel) {
        addAll(session, List.of(channel));
    }

    /**
     * Puts the socket on the channels, subscribing this node to those it was not on yet in one round, and returns
     * once events on all of them reach the socket.
     */
    void addAll(SocketSession session, Collection<Channel> channels) {
        Map<Channel, Entry> toSubscribe = new LinkedHashMap<>();
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        for (Channel channel : channels) {
            Entry entry;
            while ((entry = join(session, channel, toSubscribe)) == null) {
                // the entry was emptied and dropped meanwhile: try again with a fresh one
            }
            waits.add(entry.live);
            session.channels().add(channel);
        }
        try {
            bus.subscribe(toSubscribe.keySet());
        } finally {
            toSubscribe.values().forEach(entry -> entry.live.complete(null));
        }
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new))
                    .get(SUBSCRIBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // another socket's subscription is slow; its own caller reports it, and gaps are filled from the database
        }
    }

    private @Nullable Entry join(SocketSession session, Channel channel, Map<Channel, Entry> toSubscribe) {
        Entry entry = byChannel.computeIfAbsent(channel, key -> new Entry());
        synchronized (entry) {
            if (entry.closed) {
                return null;
            }
            if (!entry.subscribing) {
                entry.subscribing = true;
                toSubscribe.put(channel, entry);
            }
            entry.sessions.add(session);
            return entry;
        }
    }

    void remove(SocketSession session, Channel channel) {
        session.channels().remove(channel);
        Entry entry = byChannel.get(channel);
        if (entry == null) {
            return;
        }
        synchronized (entry) {
            entry.sessions.remove(session);
            if (entry.sessions.isEmpty() && !entry.closed) {
                entry.closed = true;
                byChannel.remove(channel, entry);
                if (entry.subscribing) {
                    bus.unsubscribe(channel);
                }
            }
        }
    }

    void removeEverywhere(SocketSession session) {
        List.copyOf(session.channels()).forEach(channel -> remove(session, channel));
    }

    Set<SocketSession> on(Channel channel) {
        Entry entry = byChannel.get(channel);
        return entry == null ? Set.of() : entry.sessions;
    }

    /** The channels this node has sockets on. */
    Set<Channel> channels() {
        return Set.copyOf(byChannel.keySet());
    }

    /** The user's multiplexed sockets on this node. */
    List<SocketSession> multiplexedOf(String userId) {
        return on(Channel.user(userId)).stream().toList();
    }

    /** The user's room sockets for one room on this node. */
    List<SocketSession> roomSocketsOf(String userId, UUID roomId) {
        return on(Channel.room(roomId)).stream()
                .filter(s -> !s.isMultiplexed() && s.user().id().equals(userId))
                .toList();
    }

    /** Every open socket of this node. */
    Set<SocketSession> all() {
        return byChannel.values().stream()
                .flatMap(entry -> entry.sessions.stream())
                .collect(Collectors.toSet());
    }

    int count() {
        return all().size();
    }
}
