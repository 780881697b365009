package com.sudamall.chat.desk;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer rated a resolved conversation; published in the transaction that stored the rating.
 *
 * @param roomId the room
 * @param storeId its store (null for a support room)
 * @param customerId who rated it
 * @param rating 1 to 5
 * @param comment what they added
 * @param at when
 */
public record ConversationRated(
        UUID roomId,
        @Nullable String storeId,
        String customerId,
        int rating,
        @Nullable String comment,
        Instant at) {}
