package com.sudamall.chat.desk.internal;

import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code conversation_ratings}. */
@Repository
class RatingRepository {

    /** A stored rating. */
    record Rating(int resolution, int rating, @Nullable String comment, Instant createdAt) {}

    private final JdbcClient jdbc;

    RatingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the rating; a second one for the same resolution fails on the primary key. */
    void insert(
            UUID roomId,
            int resolution,
            @Nullable String storeId,
            String customerId,
            int rating,
            @Nullable String comment,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO conversation_ratings
                               (room_id, resolution, store_id, customer_id, rating, comment, created_at)
                        VALUES (:roomId, :resolution, :storeId, :customerId, :rating, :comment, :at)
                        """)
                .param("roomId", roomId)
                .param("resolution", resolution)
                .param("storeId", storeId)
                .param("customerId", customerId)
                .param("rating", rating)
                .param("comment", comment)
                .param("at", Timestamps.param(at))
                .update();
    }

    Optional<Rating> find(UUID roomId, int resolution) {
        return jdbc.sql("""
                        SELECT resolution, rating, comment, created_at FROM conversation_ratings
                         WHERE room_id = :roomId AND resolution = :resolution
                        """)
                .param("roomId", roomId)
                .param("resolution", resolution)
                .query(Rows.of(Rating.class))
                .optional();
    }

    /** The ratings a store was given since {@code since} (conversation_ratings_store_idx). */
    List<Integer> ratingsOf(String storeId, Instant since) {
        return jdbc.sql("SELECT rating FROM conversation_ratings WHERE store_id = :storeId AND created_at >= :since")
                .param("storeId", storeId)
                .param("since", Timestamps.param(since))
                .query(Integer.class)
                .list();
    }
}
