package com.sudamall.chat.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The platform roles a token or profile may carry. Unknown role names are ignored. */
public enum Role {
    CUSTOMER,
    STORE_OWNER,
    STORE_STAFF,
    MODERATOR,
    ADMIN;

    /** The role's name on the wire, e.g. {@code store_owner}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The roles' wire names, sorted: how profiles, tokens and answers list them. */
    public static List<String> wireNames(Collection<Role> roles) {
        return roles.stream().map(Role::wireName).sorted().toList();
    }

    /** The known roles among the given names. */
    public static Set<Role> parse(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            for (Role role : values()) {
                if (role.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }
}
