package com.sudamall.chat.message.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a conversation's customer reads of it: the room's messages without the team's internal notes. The notes keep
 * their seqs in the room, so here a page is an offset rather than a seq range, and counts subtract the notes.
 */
@Repository
public class CustomerViewRepository {

    private final JdbcClient jdbc;

    CustomerViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Page {@code offset / limit} of the seed's form without the room's notes, newest first. */
    public List<MessageRow> findPageWithoutNotes(UUID roomId, long offset, int limit) {
        return jdbc.sql("""
                        SELECT %s
                          FROM messages m
                         WHERE m.room_id = :roomId AND m.seq IS NOT NULL AND m.message_type <> 'note'
                         ORDER BY m.seq DESC
                         LIMIT :limit OFFSET :offset
                        """.formatted(MessageRepository.COLUMNS))
                .param("roomId", roomId)
                .param("limit", limit)
                .param("offset", offset)
                .query(MessageRepository.ROW)
                .list();
    }

    /** The newest message of the room that is not a note, if any. */
    public Optional<MessageRow> findLatestWithoutNotes(UUID roomId) {
        return jdbc.sql("""
                        SELECT %s
                          FROM messages m
                         WHERE m.room_id = :roomId AND m.seq IS NOT NULL AND m.message_type <> 'note'
                         ORDER BY m.seq DESC
                         LIMIT 1
                        """.formatted(MessageRepository.COLUMNS))
                .param("roomId", roomId)
                .query(MessageRepository.ROW)
                .optional();
    }

    /** The seq of the newest message at or below {@code seq} that is not a note; 0 when there is none. */
    public long latestSeqWithoutNotes(UUID roomId, long seq) {
        return jdbc.sql("""
                        SELECT COALESCE(MAX(m.seq), 0)
                          FROM messages m
                         WHERE m.room_id = :roomId AND m.seq <= :seq AND m.message_type <> 'note'
                        """)
                .param("roomId", roomId)
                .param("seq", seq)
                .query(Long.class)
                .single();
    }

    /** How many notes the room has with {@code afterSeq < seq <= upToSeq}: what its customer's counts leave out. */
    public long countNotes(UUID roomId, long afterSeq, long upToSeq) {
        return jdbc.sql("""
                        SELECT COUNT(*)
                          FROM messages m
                         WHERE m.room_id = :roomId AND m.seq > :afterSeq AND m.seq <= :upToSeq
                           AND m.message_type = 'note'
                        """)
                .param("roomId", roomId)
                .param("afterSeq", afterSeq)
                .param("upToSeq", upToSeq)
                .query(Long.class)
                .single();
    }
}
