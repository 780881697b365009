package com.sudamall.chat.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.sudamall.chat.identity.UserProfile;
import com.sudamall.chat.web.Coalescer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The profiles that sockets and frames show (names, avatars, last seen), remembered for a short while so that a
 * burst of sockets reads each profile once, not once per socket; and the last-seen times of users who went offline,
 * kept here and written in one batch every few seconds rather than a row update per disconnect. A profile changed
 * through this node is forgotten at once; one changed through another node shows here within {@link #KEEP}.
 */
@Component
public class ProfileCache {

    static final Duration KEEP = Duration.ofSeconds(30);

    private final UserRepository users;
    private final Coalescer<String, UserProfile> reads;
    private final Cache<String, UserProfile> profiles =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(KEEP).build();
    private final Map<String, Instant> unsavedSeen = new ConcurrentHashMap<>();

    ProfileCache(UserRepository users) {
        this.users = users;
        // sockets opening at once each ask for their own user: a few dozen of them go to one query
        this.reads = new Coalescer<>("profile-reads", ids -> byId(users.findAll(ids)), 100, 4);
    }

    private static Map<String, UserProfile> byId(Collection<UserProfile> found) {
        Map<String, UserProfile> loaded = new HashMap<>();
        found.forEach(profile -> loaded.put(profile.id(), profile));
        return loaded;
    }

    /** The stored profiles of the ids (those that exist), each loaded once however many ask at the same time. */
    public List<UserProfile> profiles(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, UserProfile> found = profiles.getAll(Set.copyOf(ids), missing -> reads.getAll(Set.copyOf(missing)));
        return found.values().stream().map(this::withUnsavedSeen).toList();
    }

    /** Remembers a profile just read from the database. */
    void remember(UserProfile profile) {
        profiles.put(profile.id(), profile);
    }

    public void forget(String id) {
        profiles.invalidate(id);
    }

    public void forget(Collection<String> ids) {
        profiles.invalidateAll(ids);
    }

    /** Notes that the user was connected at {@code at}; stored with the next batch. */
    public void seen(String id, Instant at) {
        unsavedSeen.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    private UserProfile withUnsavedSeen(UserProfile profile) {
        Instant unsaved = unsavedSeen.get(profile.id());
        if (unsaved == null || profile.lastSeenAt() != null && !unsaved.isAfter(profile.lastSeenAt())) {
            return profile;
        }
        return new UserProfile(
                profile.id(),
                profile.name(),
                profile.email(),
                profile.avatarUrl(),
                profile.roles(),
                profile.emailAlerts(),
                profile.erased(),
                unsaved);
    }

    /** Writes the last-seen times noted since the last batch; a failed batch is kept for the next one. */
    @Scheduled(fixedDelayString = "${chat.identity.last-seen-flush:2s}")
    void saveSeen() {
        if (unsavedSeen.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = Map.copyOf(unsavedSeen);
        users.markAllSeen(batch);
        batch.forEach(unsavedSeen::remove);
        profiles.invalidateAll(batch.keySet());
    }
}
