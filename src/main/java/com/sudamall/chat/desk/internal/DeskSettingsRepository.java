package com.sudamall.chat.desk.internal;

import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code desk_settings}. */
@Repository
class DeskSettingsRepository {

    /** A store's desk settings; a store without a row has the defaults (no automatic assignment, no cap). */
    record Settings(
            boolean autoAssign,
            @Nullable Integer maxOpen,
            @Nullable String lastAssigneeId) {
        static final Settings DEFAULTS = new Settings(false, null, null);
    }

    private static final String COLUMNS = "auto_assign, max_open, last_assignee_id";

    private final JdbcClient jdbc;

    DeskSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Settings find(String storeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM desk_settings WHERE store_id = :storeId")
                .param("storeId", storeId)
                .query(Rows.of(Settings.class))
                .optional()
                .orElse(Settings.DEFAULTS);
    }

    /** The settings with their row locked: one automatic assignment of a store at a time. */
    Optional<Settings> lock(String storeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM desk_settings WHERE store_id = :storeId FOR UPDATE")
                .param("storeId", storeId)
                .query(Rows.of(Settings.class))
                .optional();
    }

    void save(String storeId, boolean autoAssign, @Nullable Integer maxOpen, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE desk_settings SET auto_assign = :autoAssign, max_open = :maxOpen, updated_at = :now
                         WHERE store_id = :storeId
                        """)
                .param("storeId", storeId)
                .param("autoAssign", autoAssign)
                .param("maxOpen", maxOpen)
                .param("now", Timestamps.param(now))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO desk_settings (store_id, auto_assign, max_open, updated_at)
                            VALUES (:storeId, :autoAssign, :maxOpen, :now)
                            """)
                    .param("storeId", storeId)
                    .param("autoAssign", autoAssign)
                    .param("maxOpen", maxOpen)
                    .param("now", Timestamps.param(now))
                    .update();
        }
    }

    void assigned(String storeId, String assigneeId) {
        jdbc.sql("UPDATE desk_settings SET last_assignee_id = :assigneeId WHERE store_id = :storeId")
                .param("storeId", storeId)
                .param("assigneeId", assigneeId)
                .update();
    }
}
