package com.sudamall.chat.identity;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the platform says about a user, from token claims or the integration API.
 *
 * @param id the platform's user id
 * @param name display name
 * @param email e-mail address
 * @param avatarUrl picture URL
 * @param roles platform roles
 */
public record NewProfile(
        String id,
        @Nullable String name,
        @Nullable String email,
        @Nullable String avatarUrl,
        Set<Role> roles) {}
