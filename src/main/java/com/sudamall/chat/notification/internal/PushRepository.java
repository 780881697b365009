package com.sudamall.chat.notification.internal;

import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Browser push subscriptions, and the VAPID key pair dev mode made for itself. */
@Repository
public class PushRepository {

    /**
     * @param id the subscription
     * @param userId whose browser it is
     * @param endpoint the push service's URL for the browser
     * @param p256dh the browser's P-256 public key, base64url
     * @param auth the browser's 16-byte authentication secret, base64url
     * @param userAgent the browser, as it named itself when subscribing
     * @param createdAt when it subscribed
     * @param lastPushedAt when a push last reached its push service
     */
    record Subscription(
            UUID id,
            String userId,
            String endpoint,
            String p256dh,
            String auth,
            @Nullable String userAgent,
            Instant createdAt,
            @Nullable Instant lastPushedAt) {}

    /** A key pair, each half base64url. */
    record KeyPair(String publicKey, String privateKey) {}

    private static final String COLUMNS = "id, user_id, endpoint, p256dh, auth, user_agent, created_at, last_pushed_at";

    private final JdbcClient jdbc;

    PushRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Subscription> ofUser(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM push_subscriptions WHERE user_id = :userId ORDER BY created_at")
                .param("userId", userId)
                .query(Rows.of(Subscription.class))
                .list();
    }

    Optional<Subscription> byEndpoint(String endpoint) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM push_subscriptions WHERE endpoint = :endpoint")
                .param("endpoint", endpoint)
                .query(Rows.of(Subscription.class))
                .optional();
    }

    // a browser that moves to another user is a new subscription of theirs: it counts from now among their browsers
    private static final String RESUBSCRIBE = """
            UPDATE push_subscriptions
               SET p256dh = :p256dh, auth = :auth, user_agent = :userAgent,
                   created_at = CASE WHEN user_id = :userId THEN created_at ELSE :createdAt END,
                   last_pushed_at = CASE WHEN user_id = :userId THEN last_pushed_at ELSE NULL END,
                   user_id = :userId
             WHERE endpoint = :endpoint
            """;

    private static final String SUBSCRIBE = """
            INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, user_agent, created_at)
            VALUES (:id, :userId, :endpoint, :p256dh, :auth, :userAgent, :createdAt)
            ON CONFLICT DO NOTHING
            """;

    /**
     * Saves the browser's subscription for the user: the endpoint is the browser, so one that subscribes again, maybe
     * for another user, replaces its row. True when the endpoint is new to the user.
     */
    boolean save(Subscription subscription) {
        Optional<Subscription> known = byEndpoint(subscription.endpoint());
        if (known.isEmpty()
                && jdbc.sql(SUBSCRIBE).paramSource(params(subscription)).update() > 0) {
            return true;
        }
        jdbc.sql(RESUBSCRIBE).paramSource(params(subscription)).update();
        return known.map(k -> !k.userId().equals(subscription.userId())).orElse(true);
    }

    private static MapSqlParameterSource params(Subscription subscription) {
        return new MapSqlParameterSource()
                .addValue("id", subscription.id())
                .addValue("userId", subscription.userId())
                .addValue("endpoint", subscription.endpoint())
                .addValue("p256dh", subscription.p256dh())
                .addValue("auth", subscription.auth())
                .addValue("userAgent", subscription.userAgent())
                .addValue("createdAt", Timestamps.param(subscription.createdAt()));
    }

    private static final String BEYOND_NEWEST = """
            SELECT id FROM push_subscriptions
             WHERE user_id = :userId AND id <> :kept
             ORDER BY created_at DESC
            OFFSET :keep ROWS
            """;

    /** Deletes the user's oldest subscriptions beyond the newest {@code keep}, never {@code kept} (just saved). */
    int trim(String userId, UUID kept, int keep) {
        List<UUID> old = jdbc.sql(BEYOND_NEWEST)
                .param("userId", userId)
                .param("kept", kept)
                .param("keep", keep - 1)
                .query(UUID.class)
                .list();
        old.forEach(this::delete);
        return old.size();
    }

    /** Deletes one of the user's subscriptions; false when they have none of that id. */
    boolean delete(UUID id, String userId) {
        return jdbc.sql("DELETE FROM push_subscriptions WHERE id = :id AND user_id = :userId")
                        .param("id", id)
                        .param("userId", userId)
                        .update()
                > 0;
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM push_subscriptions WHERE id = :id")
                .param("id", id)
                .update();
    }

    /** Forgets every browser of the user (a privacy erasure); in the caller's transaction. */
    public void deleteForUser(String userId) {
        jdbc.sql("DELETE FROM push_subscriptions WHERE user_id = :userId")
                .param("userId", userId)
                .update();
    }

    void pushed(UUID id, Instant at) {
        jdbc.sql("UPDATE push_subscriptions SET last_pushed_at = :at WHERE id = :id")
                .param("at", Timestamps.param(at))
                .param("id", id)
                .update();
    }

    Optional<KeyPair> storedKeys() {
        return jdbc.sql("SELECT public_key, private_key FROM push_keys WHERE id = 1")
                .query(Rows.of(KeyPair.class))
                .optional();
    }

    /** Stores the generated pair unless another node stored one first; the stored pair is the one to use. */
    KeyPair storeKeys(KeyPair generated, Instant now) {
        jdbc.sql("""
                        INSERT INTO push_keys (id, public_key, private_key, created_at) VALUES (1, :pub, :priv, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("pub", generated.publicKey())
                .param("priv", generated.privateKey())
                .param("now", Timestamps.param(now))
                .update();
        return storedKeys().orElseThrow();
    }
}
