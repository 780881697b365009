package com.sudamall.chat.web.internal;

import com.sudamall.chat.web.AuditLog.Entry;
import com.sudamall.chat.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code audit_log}. */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            @Nullable String actor,
            String action,
            String targetType,
            String targetId,
            @Nullable String reason,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO audit_log (id, actor_id, action, target_type, target_id, reason, created_at)
                        VALUES (:id, :actor, :action, :targetType, :targetId, :reason, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("actor", actor)
                .param("action", action)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .param("reason", reason)
                .param("at", Timestamps.param(at))
                .update();
    }

    public List<Entry> recent(int limit) {
        return jdbc.sql("""
                        SELECT id, actor_id, action, target_type, target_id, reason, created_at
                          FROM audit_log
                         ORDER BY created_at DESC, id DESC
                         LIMIT :limit
                        """).param("limit", limit).query(AuditRepository::entry).list();
    }

    public List<Entry> about(String targetType, String targetId) {
        return jdbc.sql("""
                        SELECT id, actor_id, action, target_type, target_id, reason, created_at
                          FROM audit_log
                         WHERE target_type = :targetType AND target_id = :targetId
                         ORDER BY created_at, id
                        """)
                .param("targetType", targetType)
                .param("targetId", targetId)
                .query(AuditRepository::entry)
                .list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getObject("id", UUID.class),
                rs.getString("actor_id"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("reason"),
                Timestamps.read(rs, "created_at"));
    }
}
