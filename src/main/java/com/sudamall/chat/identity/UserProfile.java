package com.sudamall.chat.identity;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stored profile.
 *
 * @param id the platform's user id
 * @param name the name the platform gave, if any
 * @param email the e-mail the platform gave, if any
 * @param avatarUrl a picture
 * @param roles the roles last seen in a token or set by the platform
 * @param emailAlerts whether missed-message e-mails may be sent
 * @param erased whether a privacy request erased the user
 * @param lastSeenAt when the user was last connected
 */
public record UserProfile(
        String id,
        @Nullable String name,
        @Nullable String email,
        @Nullable String avatarUrl,
        Set<Role> roles,
        boolean emailAlerts,
        boolean erased,
        @Nullable Instant lastSeenAt) {

    /** The profile as other users see it; the name falls back to the e-mail, as in the seed. */
    public User card() {
        if (erased) {
            return new User(id, "Deleted user", null);
        }
        String display = name != null && !name.isBlank() ? name : email != null && !email.isBlank() ? email : id;
        return new User(id, display, avatarUrl);
    }

    public boolean isModerator() {
        return roles.contains(Role.MODERATOR) || roles.contains(Role.ADMIN);
    }
}
