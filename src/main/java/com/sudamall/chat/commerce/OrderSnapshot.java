package com.sudamall.chat.commerce;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An order as the platform last described it.
 *
 * @param id the platform's order id
 * @param orderNumber the number customers see, e.g. {@code ORD-1001}
 * @param customerId the ordering customer
 * @param storeId the selling store
 * @param status the platform's order status
 * @param total decimal total
 * @param currency ISO 4217 code
 */
public record OrderSnapshot(
        String id,
        String orderNumber,
        String customerId,
        String storeId,
        @Nullable String status,
        @Nullable String total,
        @Nullable String currency) {

    /** The order summary kept on an order share. */
    public Map<String, @Nullable Object> card() {
        Map<String, @Nullable Object> card = new LinkedHashMap<>();
        card.put("id", id);
        card.put("order_number", orderNumber);
        card.put("status", status);
        card.put("total", total);
        card.put("currency", currency);
        card.put("store", storeId);
        card.put("customer", customerId);
        return card;
    }
}
