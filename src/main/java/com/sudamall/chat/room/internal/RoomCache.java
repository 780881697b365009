package com.sudamall.chat.room.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomChanged;
import com.sudamall.chat.web.Coalescer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the send path checks on every message (the room and who is in it), remembered per room so a send reads the
 * database only to write. A room is forgotten when it changes: on this node once the change commits ({@link
 * RoomChanged}), on other nodes when the bus brings the change; entries also expire, so a change whose notice was
 * lost with a node's bus link is picked up within minutes even without the recovery that forgets everything.
 */
@Component
public class RoomCache {

    /**
     * A room and its participants as they were read.
     *
     * @param room the room; its counters ({@code last_seq}, {@code last_message_at}) are not kept current
     * @param memberIds the participants' ids
     */
    public record Entry(Room room, Set<String> memberIds) {}

    private static final int BATCH = 100;
    private static final int PARALLEL = 4;

    private final Cache<UUID, Entry> entries = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private final ConcurrentHashMap<UUID, CompletableFuture<@Nullable Entry>> loading = new ConcurrentHashMap<>();
    // Bumped by every change: a load that overlapped a change is not kept, as it may have read the old state.
    private final AtomicLong changes = new AtomicLong();
    // A burst of sockets asks for hundreds of rooms at once: their reads go out a few dozen rooms to a query.
    private final Coalescer<UUID, Entry> entryReads;
    private final Coalescer<UUID, Room> roomReads;

    RoomCache(RoomRepository rooms, MemberRepository members) {
        this.roomReads = new Coalescer<>("room-reads", rooms::findAll, BATCH, PARALLEL);
        this.entryReads = new Coalescer<>("room-entry-reads", ids -> entries(rooms, members, ids), BATCH, PARALLEL);
    }

    private static Map<UUID, Entry> entries(RoomRepository rooms, MemberRepository members, Set<UUID> ids) {
        Map<UUID, Room> found = rooms.findAll(ids);
        Map<UUID, Set<String>> memberIds = members.memberIdsOf(found.keySet());
        Map<UUID, Entry> loaded = new HashMap<>();
        found.forEach((id, room) -> loaded.put(id, new Entry(room, Set.copyOf(memberIds.getOrDefault(id, Set.of())))));
        return loaded;
    }

    /**
     * The room and its participants, or null when there is no such room. Loaded once per room however many callers
     * ask at the same moment (a burst of sockets opening on one room waits for one load, not a query each). The
     * load runs outside the cache's map: a database read inside its compute held a lock that other rooms' callers
     * spun on.
     */
    public @Nullable Entry get(UUID roomId) {
        Entry known = entries.getIfPresent(roomId);
        if (known != null) {
            return known;
        }
        CompletableFuture<@Nullable Entry> mine = new CompletableFuture<>();
        CompletableFuture<@Nullable Entry> running = loading.putIfAbsent(roomId, mine);
        if (running != null) {
            return awaitLoad(running);
        }
        try {
            long before = changes.get();
            Entry loaded = load(roomId);
            if (loaded != null) {
                entries.put(roomId, loaded);
                if (changes.get() != before) {
                    entries.asMap().remove(roomId, loaded);
                }
            }
            mine.complete(loaded);
            return loaded;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(roomId, mine);
        }
    }

    /** Another caller's load of the same room; its failure is this caller's, as thrown (a busy pool stays busy). */
    private static @Nullable Entry awaitLoad(CompletableFuture<@Nullable Entry> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The room as remembered, without loading it. */
    public @Nullable Entry getIfPresent(UUID roomId) {
        return entries.getIfPresent(roomId);
    }

    private @Nullable Entry load(UUID roomId) {
        return entryReads.get(roomId);
    }

    /** The room as it is in the database now (its counters current), or null when there is no such room. */
    public @Nullable Room current(UUID roomId) {
        return roomReads.get(roomId);
    }

    public void forget(UUID roomId) {
        changes.incrementAndGet();
        entries.invalidate(roomId);
    }

    public void forgetAll() {
        changes.incrementAndGet();
        entries.invalidateAll();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(RoomChanged event) {
        forget(event.roomId());
    }
}
