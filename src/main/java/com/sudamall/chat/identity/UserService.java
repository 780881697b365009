package com.sudamall.chat.identity;

import com.sudamall.chat.identity.internal.ProfileCache;
import com.sudamall.chat.identity.internal.UserRepository;
import com.sudamall.chat.web.ChatException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Profiles of the platform's users. The platform owns users: ids are its ids, and a user named before the platform
 * told us about them (a participant, a store owner) gets a placeholder profile that fills in on their first login.
 */
@Service
public class UserService {

    /** Platform ids: short, printable, no spaces or slashes. */
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@+-]{1,64}");

    private final UserRepository users;
    private final ProfileCache cache;
    private final Clock clock;

    UserService(UserRepository users, ProfileCache cache, Clock clock) {
        this.users = users;
        this.cache = cache;
        this.clock = clock;
    }

    /** A 400 naming {@code field} unless {@code id} has the shape of a platform user id. */
    public static String requireValidId(String id, String field) {
        if (!USER_ID.matcher(id).matches()) {
            throw ChatException.invalid(field, "is not a valid user id");
        }
        return id;
    }

    public Optional<UserProfile> find(String id) {
        return users.find(id);
    }

    /** Cards for the given ids, in the given order; ids without a profile are left out. */
    public Map<String, User> cards(Collection<String> ids) {
        Map<String, User> found = new HashMap<>();
        cache.profiles(ids).forEach(profile -> found.put(profile.id(), profile.card()));
        Map<String, User> cards = new LinkedHashMap<>();
        ids.forEach(id -> {
            User card = found.get(id);
            if (card != null) {
                cards.put(id, card);
            }
        });
        return cards;
    }

    /** Profiles of the given ids that exist, in no particular order (what this node remembers of them). */
    public List<UserProfile> profiles(Collection<String> ids) {
        return cache.profiles(ids);
    }

    /** The ids of the support agents: users with the moderator or admin role. */
    public List<String> supportAgents() {
        return users.supportAgents().stream().map(UserProfile::id).toList();
    }

    /** Records that the user was connected at {@code at} (on going offline); stored in the next batch. */
    public void markSeen(String id, Instant at) {
        cache.seen(id, at);
    }

    /**
     * Takes the user's missed-message alert slot for {@code now}, unless an alert went out after {@code
     * alertedBefore}: with several nodes scanning, one of them alerts.
     */
    public boolean claimAlert(String id, Instant now, Instant alertedBefore) {
        return users.claimAlert(id, now, alertedBefore);
    }

    /** Turns the user's missed-message e-mails on or off. */
    @Transactional
    public UserProfile setEmailAlerts(String id, boolean on) {
        users.setEmailAlerts(id, on, clock.instant());
        cache.forget(id);
        return users.find(id).orElseThrow();
    }

    /** Anonymises the user's profile (a privacy erasure); the id stays, shown as "Deleted user". */
    @Transactional
    public void erase(String id) {
        users.erase(id, clock.instant());
        cache.forget(id);
    }

    /** Makes sure a profile exists for each id, creating empty placeholders for unknown ones. */
    @Transactional
    public void ensureExists(Collection<String> ids) {
        ids.forEach(id -> requireValidId(id, "user"));
        users.insertMissing(List.copyOf(ids), clock.instant());
        cache.forget(ids);
    }

    /** Stores what the platform says about a user; true when the profile is new. */
    @Transactional
    public boolean save(NewProfile profile) {
        requireValidId(profile.id(), "id");
        boolean created = users.upsert(profile, clock.instant());
        cache.forget(profile.id());
        return created;
    }
}
