package com.sudamall.chat.commerce;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A store of the marketplace.
 *
 * @param id the platform's store id
 * @param name display name
 * @param ownerId the owning user
 * @param staffIds users who may answer the store's customers
 * @param timezone IANA zone of the business hours
 * @param businessHours opening intervals per day ({@code mon} … {@code sun}, {@code ["09:00", "17:30"]}); null when
 *     always open
 * @param autoReply text sent to customers while the store is closed
 */
public record Store(
        String id,
        String name,
        String ownerId,
        List<String> staffIds,
        String timezone,
        @Nullable Map<String, List<List<String>>> businessHours,
        @Nullable String autoReply) {

    /** The store's owner or one of its staff. */
    public boolean isStoreSide(String userId) {
        return ownerId.equals(userId) || staffIds.contains(userId);
    }

    /** {@code {"id", "name"}}, as rooms show their store. */
    public Map<String, String> card() {
        return Map.of("id", id, "name", name);
    }
}
