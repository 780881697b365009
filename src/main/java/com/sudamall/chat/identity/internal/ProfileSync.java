package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.NewProfile;
import com.sudamall.chat.identity.Role;
import com.sudamall.chat.identity.UserService;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Upserts the caller's profile from their token's claims. Each node remembers the claims it last stored per user,
 * so the database is written on a user's first request and when their claims change, not on every request.
 */
@Component
public class ProfileSync {

    private static final int MAX_REMEMBERED = 100_000;

    private final UserService users;
    private final Map<String, Integer> stored = new ConcurrentHashMap<>();

    ProfileSync(UserService users) {
        this.users = users;
    }

    /** The caller the token describes, with its profile stored. */
    public CurrentUser sync(Jwt jwt) {
        NewProfile profile = new NewProfile(
                jwt.getSubject(),
                jwt.getClaimAsString("name"),
                jwt.getClaimAsString("email"),
                jwt.getClaimAsString("avatar_url"),
                Role.parse(roles(jwt)));
        int fingerprint = fingerprint(profile);
        Integer previous = stored.get(profile.id());
        if (previous == null || previous != fingerprint) {
            users.save(profile);
            if (stored.size() > MAX_REMEMBERED) {
                stored.clear();
            }
            stored.put(profile.id(), fingerprint);
        }
        return new CurrentUser(profile.id(), profile.roles());
    }

    /** Forgets what was stored, so the next request of this user writes the profile again. */
    void forget(String userId) {
        stored.remove(userId);
    }

    /**
     * Notes that the profile just stored is what a dev token issued for it says (it carries no avatar), so the
     * token's first use, a socket's handshake say, writes nothing.
     */
    void rememberIssued(NewProfile profile) {
        stored.put(
                profile.id(),
                fingerprint(new NewProfile(profile.id(), profile.name(), profile.email(), null, profile.roles())));
    }

    private static int fingerprint(NewProfile profile) {
        return Objects.hash(profile.name(), profile.email(), profile.avatarUrl(), profile.roles());
    }

    private static List<String> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get("roles");
        if (claim instanceof List<?> list) {
            return list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return claim instanceof String s ? List.of(s.split("[ ,]+")) : List.of();
    }
}
