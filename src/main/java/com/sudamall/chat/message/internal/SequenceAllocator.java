package com.sudamall.chat.message.internal;

import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Numbers a room's messages. Bumping {@code rooms.last_seq} takes the room's row lock until the sending transaction
 * ends, so concurrent senders are serialised in seq order and a rolled-back send gives its number back: seq stays
 * gapless. Must run inside the sending transaction.
 */
@Component
class SequenceAllocator {

    private static final String BUMP = """
            UPDATE rooms
               SET last_seq = last_seq + 1, last_message_at = :now, activity_at = :now
             WHERE id = :roomId
            """;

    private final JdbcClient jdbc;

    SequenceAllocator(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long next(UUID roomId, Instant now) {
        jdbc.sql(BUMP)
                .param("roomId", roomId)
                .param("now", Timestamps.param(now))
                .update();
        // Read under the lock the UPDATE holds: no other sender can move last_seq before we commit.
        return jdbc.sql("SELECT last_seq FROM rooms WHERE id = :roomId")
                .param("roomId", roomId)
                .query(Long.class)
                .single();
    }
}
