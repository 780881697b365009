package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The open sockets of this node, by channel. A room socket is on its room's channel; a multiplexed socket is on its
 * user's channel and on the channel of each of the user's rooms. The bus carries a channel's events to this node
 * while it has sockets on it.
 */
@Component
class SessionRegistry {

    private static final Logger log = LoggerFactory.getLogger(SessionRegistry.class);

    private final Map<Channel, Entry> byChannel = new ConcurrentHashMap<>();
    private final EventBus bus;
    private final List<BiConsumer<Channel, Collection<SocketSession>>> liveListeners = new CopyOnWriteArrayList<>();

    SessionRegistry(EventBus bus) {
        this.bus = bus;
    }

    /**
     * A channel's local sockets; its monitor orders joins, the last leave and the moment the channel goes live. Until
     * then the bus may not bring its events here yet; the sockets that joined meanwhile are handed to the live
     * listeners when it does, to be caught up from the database.
     */
    private static final class Entry {
        final Set<SocketSession> sessions = ConcurrentHashMap.newKeySet();
        final CompletableFuture<Void> becameLive = new CompletableFuture<>();
        boolean live;
        boolean closed;
    }

    /** Tells the listener of each channel that went live, with the sockets that joined it before it did. */
    void onLive(BiConsumer<Channel, Collection<SocketSession>> listener) {
        liveListeners.add(listener);
    }

    /**
     * Puts the socket on the channel; true when the channel was live already (the caller catches the socket up
     * itself), false when the live listeners will be handed it once it is.
     */
    boolean add(SocketSession session, Channel channel) {
        return addAll(session, List.of(channel));
    }

    /**
     * Puts the socket on the channels, subscribing this node to those it was not on yet in one request, without
     * waiting for the bus: a channel not live yet hands its sockets to the live listeners when it is.
     */
    boolean addAll(SocketSession session, Collection<Channel> channels) {
        Map<Channel, Entry> toSubscribe = new LinkedHashMap<>();
        boolean allLive = true;
        for (Channel channel : channels) {
            Joined joined;
            while ((joined = join(session, channel, toSubscribe)) == Joined.AGAIN) {
                // the entry was emptied and dropped meanwhile: try again with a fresh one
            }
            allLive &= joined == Joined.LIVE;
            session.channels().add(channel);
        }
        if (toSubscribe.isEmpty()) {
            return allLive;
        }
        CompletableFuture<Void> live = bus.subscribe(toSubscribe.keySet());
        if (live.isDone()) {
            // live at once (the in-process bus): no socket joined before it was
            toSubscribe.values().forEach(entry -> {
                synchronized (entry) {
                    entry.live = true;
                }
                entry.becameLive.complete(null);
            });
            return true;
        }
        live.whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("bus subscription to {} channels failed: {}", toSubscribe.size(), error.getMessage());
            }
            toSubscribe.forEach(this::wentLive);
        });
        return false;
    }

    private enum Joined {
        LIVE,
        NOT_YET_LIVE,
        AGAIN
    }

    private Joined join(SocketSession session, Channel channel, Map<Channel, Entry> toSubscribe) {
        boolean[] created = {false};
        Entry entry = byChannel.computeIfAbsent(channel, key -> {
            created[0] = true;
            return new Entry();
        });
        synchronized (entry) {
            if (entry.closed) {
                return Joined.AGAIN;
            }
            if (created[0]) {
                toSubscribe.put(channel, entry);
            }
            entry.sessions.add(session);
            return entry.live ? Joined.LIVE : Joined.NOT_YET_LIVE;
        }
    }

    private void wentLive(Channel channel, Entry entry) {
        List<SocketSession> waiting;
        synchronized (entry) {
            if (entry.live || entry.closed) {
                return;
            }
            entry.live = true;
            waiting = List.copyOf(entry.sessions);
        }
        liveListeners.forEach(listener -> listener.accept(channel, waiting));
        entry.becameLive.complete(null);
    }

    /**
     * Completes once this node receives the channel's events (at once when it does already): what a socket must
     * see of its own arrival, such as {@code user_joined}, is published then.
     */
    CompletableFuture<Void> whenLive(Channel channel) {
        Entry entry = byChannel.get(channel);
        return entry == null ? CompletableFuture.completedFuture(null) : entry.becameLive;
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
                bus.unsubscribe(channel);
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
