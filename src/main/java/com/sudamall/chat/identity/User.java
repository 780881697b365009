package com.sudamall.chat.identity;

import org.jspecify.annotations.Nullable;

/**
 * A user as API.md shows one inside rooms and messages: {@code {"id", "name", "avatar_url"}}.
 *
 * @param id the platform's user id
 * @param name the display name, falling back to the e-mail and then the id
 * @param avatarUrl a picture, when the platform gave one
 */
public record User(String id, String name, @Nullable String avatarUrl) {}
