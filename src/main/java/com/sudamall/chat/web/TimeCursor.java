package com.sudamall.chat.web;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A position in a list ordered newest first by time and then id: the time and id of the last item of a page,
 * passed back by clients as an opaque cursor.
 *
 * @param at time of the last item seen
 * @param id id of the last item seen
 */
public record TimeCursor(Instant at, UUID id) {

    /** The position a client's cursor names; null for none, a 400 naming {@code cursor} when it is not ours. */
    public static @Nullable TimeCursor parse(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = Paging.decodeCursor(cursor).split("\\|");
        try {
            return new TimeCursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ChatException.invalid("cursor", "is not a valid cursor");
        }
    }

    public String encode() {
        return Paging.encodeCursor(at.toEpochMilli() + "|" + id);
    }
}
