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

/** SQL for {@code canned_replies}. */
@Repository
class CannedReplyRepository {

    private static final String COLUMNS = "id, shortcut, body, created_at, updated_at";

    private final JdbcClient jdbc;

    CannedReplyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The store's replies by shortcut; only those starting with {@code prefix} when it is given. */
    List<CannedReply> findAll(String storeId, @Nullable String prefix) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM canned_replies
                        WHERE store_id = :storeId AND (CAST(:prefix AS VARCHAR) IS NULL OR shortcut LIKE :prefix ESCAPE '\\')
                        ORDER BY shortcut
                        """)
                .param("storeId", storeId)
                .param("prefix", prefix == null ? null : prefix.replace("_", "\\_") + "%")
                .query(Rows.of(CannedReply.class))
                .list();
    }

    Optional<CannedReply> find(String storeId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM canned_replies WHERE store_id = :storeId AND id = :id")
                .param("storeId", storeId)
                .param("id", id)
                .query(Rows.of(CannedReply.class))
                .optional();
    }

    void insert(String storeId, CannedReply reply, String createdBy) {
        jdbc.sql("""
                        INSERT INTO canned_replies (id, store_id, shortcut, body, created_by, created_at, updated_at)
                        VALUES (:id, :storeId, :shortcut, :body, :createdBy, :at, :at)
                        """)
                .param("id", reply.id())
                .param("storeId", storeId)
                .param("shortcut", reply.shortcut())
                .param("body", reply.body())
                .param("createdBy", createdBy)
                .param("at", Timestamps.param(reply.createdAt()))
                .update();
    }

    void update(String storeId, UUID id, String shortcut, String body, Instant now) {
        jdbc.sql("""
                        UPDATE canned_replies SET shortcut = :shortcut, body = :body, updated_at = :now
                         WHERE store_id = :storeId AND id = :id
                        """)
                .param("storeId", storeId)
                .param("id", id)
                .param("shortcut", shortcut)
                .param("body", body)
                .param("now", Timestamps.param(now))
                .update();
    }

    boolean delete(String storeId, UUID id) {
        return jdbc.sql("DELETE FROM canned_replies WHERE store_id = :storeId AND id = :id")
                        .param("storeId", storeId)
                        .param("id", id)
                        .update()
                == 1;
    }
}
