package com.sudamall.chat.desk.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sudamall.chat.bus.Presence;
import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.room.Conversations;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.web.AfterCommit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Automatic assignment, for a store that turns it on: an unassigned conversation whose customer writes goes to the
 * next of the store's team (owner and staff, by id, round robin from the last one given a conversation) who is
 * online and below the store's cap of open conversations. With no one to give it to it stays unassigned, for the
 * "unassigned" tab. It runs once the customer's message has committed, one store at a time (the settings row is
 * locked), and never takes a conversation someone was assigned meanwhile.
 */
@Component
class AutoAssignment implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AutoAssignment.class);

    private final DeskSettingsRepository settings;
    private final Conversations conversations;
    private final CommerceService commerce;
    private final Presence presence;
    private final TransactionTemplate transactions;
    private final ExecutorService assigning = Executors.newVirtualThreadPerTaskExecutor();
    /** Which stores assign automatically, so a message in a store that does not costs no query. */
    private final Cache<String, Boolean> enabled = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();

    AutoAssignment(
            DeskSettingsRepository settings,
            Conversations conversations,
            CommerceService commerce,
            Presence presence,
            TransactionTemplate transactions) {
        this.settings = settings;
        this.conversations = conversations;
        this.commerce = commerce;
        this.presence = presence;
        this.transactions = transactions;
    }

    /** The customer wrote in an unassigned conversation of this room's store. */
    void consider(Room room) {
        String storeId = room.storeId();
        if (storeId == null || !enabled.get(storeId, id -> settings.find(id).autoAssign())) {
            return;
        }
        AfterCommit.run(() -> assigning.execute(() -> assign(room.id(), storeId)));
    }

    /** This node's settings changed: forget what it remembered. */
    void forget(String storeId) {
        enabled.invalidate(storeId);
    }

    private void assign(UUID roomId, String storeId) {
        try {
            transactions.executeWithoutResult(tx -> {
                DeskSettingsRepository.Settings current = settings.lock(storeId).orElse(null);
                Store store = commerce.findStore(storeId).orElse(null);
                if (current == null || !current.autoAssign() || store == null) {
                    return;
                }
                String next = next(store, current);
                if (next != null && conversations.assignIfUnassigned(roomId, next)) {
                    settings.assigned(storeId, next);
                }
            });
        } catch (RuntimeException e) {
            log.warn("conversation {} not assigned automatically: {}", roomId, e.getMessage());
        }
    }

    /** The next of the team after the last one given a conversation, online and below the cap; null if none. */
    private @Nullable String next(Store store, DeskSettingsRepository.Settings current) {
        TreeSet<String> team = new TreeSet<>(store.staffIds());
        team.add(store.ownerId());
        Set<String> online = presence.online(team);
        Map<String, Long> load = conversations.openLoad(store.id(), online);
        List<String> candidates = team.stream()
                .filter(online::contains)
                .filter(id -> current.maxOpen() == null || load.getOrDefault(id, 0L) < current.maxOpen())
                .toList();
        if (candidates.isEmpty()) {
            return null;
        }
        String last = current.lastAssigneeId();
        return candidates.stream()
                .filter(id -> last == null || id.compareTo(last) > 0)
                .findFirst()
                .orElse(candidates.getFirst());
    }

    @Override
    public void destroy() {
        assigning.close();
    }
}
