package com.sudamall.chat.identity;

import java.util.Set;

/**
 * The authenticated caller of a request or socket, as its verified token describes it.
 *
 * @param id the platform's user id (the token's {@code sub})
 * @param roles the roles the token grants
 */
public record CurrentUser(String id, Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    /** Moderators and admins may read and manage any room. */
    public boolean isModerator() {
        return roles.contains(Role.MODERATOR) || roles.contains(Role.ADMIN);
    }
}
