package com.sudamall.chat.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns many callers' single-key reads into few bulk reads. A caller's key waits in a queue; a loader takes
 * whatever has queued (up to a batch) and reads it in one query, so while one read is out the next callers' keys
 * gather for the following one. An idle node pays nothing for this: a lone caller's key goes at once, alone. A burst
 * of socket handshakes, each wanting its room, then costs the database one round trip per few dozen sockets instead
 * of one per socket; on a machine whose cores are all busy a round trip is what a handshake waited for most.
 *
 * @param <K> the key
 * @param <V> what is read for it; a key the bulk read does not answer gets null
 */
public final class Coalescer<K, V> {

    private record Ask<K, V>(K key, CompletableFuture<@Nullable V> answer) {}

    private final String name;
    private final Function<Set<K>, Map<K, V>> readAll;
    private final int batch;
    private final int parallel;
    private final ConcurrentLinkedQueue<Ask<K, V>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger loaders = new AtomicInteger();

    /**
     * @param name names the loader threads
     * @param readAll reads the values of a set of keys, leaving out those it has none for
     * @param batch the most keys in one read
     * @param parallel the most reads out at once
     */
    public Coalescer(String name, Function<Set<K>, Map<K, V>> readAll, int batch, int parallel) {
        this.name = name;
        this.readAll = readAll;
        this.batch = batch;
        this.parallel = parallel;
    }

    /** The value of the key, read together with the keys other callers asked for meanwhile. */
    public @Nullable V get(K key) {
        CompletableFuture<@Nullable V> answer = ask(key);
        startLoader();
        return await(answer);
    }

    /** The values of the keys that have one, read together with the keys other callers asked for meanwhile. */
    public Map<K, V> getAll(Set<K> keys) {
        Map<K, CompletableFuture<@Nullable V>> answers = new HashMap<>();
        keys.forEach(key -> answers.put(key, ask(key)));
        startLoader();
        Map<K, V> values = new HashMap<>();
        answers.forEach((key, answer) -> {
            V value = await(answer);
            if (value != null) {
                values.put(key, value);
            }
        });
        return values;
    }

    private CompletableFuture<@Nullable V> ask(K key) {
        CompletableFuture<@Nullable V> answer = new CompletableFuture<>();
        queue.add(new Ask<>(key, answer));
        return answer;
    }

    private @Nullable V await(CompletableFuture<@Nullable V> answer) {
        try {
            return answer.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    private void startLoader() {
        if (claimLoader()) {
            Thread.ofVirtual().name(name).start(this::load);
        }
    }

    /** Reads batches until the queue is empty; the check after stepping down closes the race with a new caller. */
    private void load() {
        do {
            try {
                for (List<Ask<K, V>> asks = take(); !asks.isEmpty(); asks = take()) {
                    answer(asks);
                }
            } finally {
                loaders.decrementAndGet();
            }
        } while (!queue.isEmpty() && claimLoader());
    }

    /** Takes one of the loader places, if one is free. */
    private boolean claimLoader() {
        for (int running = loaders.get(); running < parallel; running = loaders.get()) {
            if (loaders.compareAndSet(running, running + 1)) {
                return true;
            }
        }
        return false;
    }

    private List<Ask<K, V>> take() {
        List<Ask<K, V>> asks = new ArrayList<>();
        Set<K> keys = new HashSet<>();
        for (Ask<K, V> ask; keys.size() < batch && (ask = queue.poll()) != null; ) {
            asks.add(ask);
            keys.add(ask.key());
        }
        return asks;
    }

    private void answer(List<Ask<K, V>> asks) {
        Set<K> keys = new HashSet<>();
        asks.forEach(ask -> keys.add(ask.key()));
        Map<K, V> values;
        try {
            values = new HashMap<>(readAll.apply(keys));
        } catch (RuntimeException | Error e) {
            asks.forEach(ask -> ask.answer().completeExceptionally(e));
            return;
        }
        asks.forEach(ask -> ask.answer().complete(values.get(ask.key())));
    }

    /** The read's own exception, as thrown: a caller tells a busy pool from a lost database by it. */
    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new CompletionException(cause);
    }
}
