package com.sudamall.chat.message.internal;

import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code store_auto_replies}. */
@Repository
class AutoReplyRepository {

    private final JdbcClient jdbc;

    AutoReplyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the room's reply for the closed period; false when it was already claimed (here or on another node). */
    boolean claim(UUID roomId, String period, Instant now) {
        try {
            jdbc.sql("INSERT INTO store_auto_replies (room_id, period, created_at) VALUES (:roomId, :period, :now)")
                    .param("roomId", roomId)
                    .param("period", period)
                    .param("now", Timestamps.param(now))
                    .update();
            return true;
        } catch (DuplicateKeyException claimed) {
            return false;
        }
    }
}
