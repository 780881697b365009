package com.sudamall.chat.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Page-size parameters and opaque cursors, read the same way by every list endpoint. */
public final class Paging {

    private Paging() {}

    /**
     * The page size to use: the default when absent, capped at {@code max} (the seed caps {@code per_page} at 100
     * silently), and a 400 for anything below 1.
     */
    public static int limit(@Nullable Integer requested, String name, int defaultLimit, int max) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1) {
            throw ChatException.invalid(name, "must be at least 1");
        }
        return Math.min(requested, max);
    }

    /** An opaque cursor for a position given as text. */
    public static String encodeCursor(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position inside a cursor; a 400 naming {@code cursor} when it was not made by {@link #encodeCursor}. */
    public static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ChatException.invalid("cursor", "is not a valid cursor");
        }
    }
}
