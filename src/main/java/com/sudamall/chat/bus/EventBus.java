package com.sudamall.chat.bus;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Publishes events to every node that has sockets on their channel, this one included. */
public interface EventBus {

    /** Hands the event to every subscriber of its channel, on every node. Never blocks on slow consumers. */
    void publish(BusEvent event);

    /** Registers the one local consumer of events. */
    void onEvent(Consumer<BusEvent> consumer);

    /**
     * Starts receiving the channels' events on this node (called when their first local socket opens) without
     * waiting: the future completes once events published from then on arrive here. What was published before that
     * is the database's to tell.
     */
    CompletableFuture<Void> subscribe(Collection<Channel> channels);

    /** Stops receiving a channel's events on this node (called when its last local socket closes). */
    void unsubscribe(Channel channel);

    /**
     * Registers a task to run for each channel this node receives again after a break (its link to the other nodes
     * was lost and is back): events published on it during the break never arrived, so the channel's local sockets
     * must be brought up to date from the database. It runs once the channel is live again, never before.
     */
    void onRecovery(Consumer<Channel> task);
}
