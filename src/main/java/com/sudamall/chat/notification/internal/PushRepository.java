package com.sudamall.chat.notification.internal;

import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
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

    /** Saves the browser's subscription for the user; true when the endpoint was new. */
    boolean save(Subscription subscription) {
        // the endpoint is the browser: one that subscribes again, maybe for another user, replaces its row
        int updated = jdbc.sql("""
                        UPDATE push_subscriptions
                           SET user_id = :userId, p256dh = :p256dh, auth = :auth, user_agent = :userAgent
                         WHERE endpoint = :endpoint
                        """)
                .param("userId", subscription.userId())
                .param("p256dh", subscription.p256dh())
                .param("auth", subscription.auth())
                .param("userAgent", subscription.userAgent())
                .param("endpoint", subscription.endpoint())
                .update();
        if (updated > 0) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO push_subscriptions (" + COLUMNS + ") VALUES"
                            + " (:id, :userId, :endpoint, :p256dh, :auth, :userAgent, :createdAt, NULL)")
                    .param("id", subscription.id())
                    .param("userId", subscription.userId())
                    .param("endpoint", subscription.endpoint())
                    .param("p256dh", subscription.p256dh())
                    .param("auth", subscription.auth())
                    .param("userAgent", subscription.userAgent())
                    .param("createdAt", Timestamps.param(subscription.createdAt()))
                    .update();
            return true;
        } catch (DuplicateKeyException raced) {
            return save(subscription);
        }
    }

    /** Deletes the user's oldest subscriptions beyond the newest {@code keep}. */
    int trim(String userId, int keep) {
        List<UUID> old = jdbc.sql(
                        "SELECT id FROM push_subscriptions WHERE user_id = :userId ORDER BY created_at DESC OFFSET :keep ROWS")
                .param("userId", userId)
                .param("keep", keep)
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
        try {
            jdbc.sql("INSERT INTO push_keys (id, public_key, private_key, created_at) VALUES (1, :pub, :priv, :now)")
                    .param("pub", generated.publicKey())
                    .param("priv", generated.privateKey())
                    .param("now", Timestamps.param(now))
                    .update();
            return generated;
        } catch (DuplicateKeyException raced) {
            return storedKeys().orElseThrow();
        }
    }
}
