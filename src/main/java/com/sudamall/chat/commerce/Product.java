package com.sudamall.chat.commerce;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A product of a store.
 *
 * @param id the platform's product id
 * @param storeId the selling store, if known
 * @param name display name
 * @param price decimal price as the platform sent it, e.g. {@code "12.50"}
 * @param currency ISO 4217 code
 * @param imageUrl picture
 * @param url the product page
 */
public record Product(
        String id,
        @Nullable String storeId,
        String name,
        @Nullable String price,
        @Nullable String currency,
        @Nullable String imageUrl,
        @Nullable String url) {

    /** The product card of API.md's Room object and of product shares. */
    public Map<String, @Nullable Object> card() {
        Map<String, @Nullable Object> card = new LinkedHashMap<>();
        card.put("id", id);
        card.put("name", name);
        card.put("price", price);
        card.put("currency", currency);
        card.put("image_url", imageUrl);
        card.put("url", url);
        card.put("store", storeId);
        return card;
    }
}
