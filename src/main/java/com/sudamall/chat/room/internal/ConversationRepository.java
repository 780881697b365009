package com.sudamall.chat.room.internal;

import com.sudamall.chat.room.Conversation;
import com.sudamall.chat.room.ConversationStatus;
import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code conversations} and {@code conversation_labels}. */
@Repository
public class ConversationRepository {

    private static final String COLUMNS = """
            c.room_id, c.status, c.snoozed_until, c.assignee_id, c.first_message_at, c.first_response_at, c.resolved_at,
            c.resolutions
            """;

    private record Label(UUID roomId, String label) {}

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID roomId, @Nullable String storeId, Instant now) {
        jdbc.sql("""
                        INSERT INTO conversations (room_id, store_id, status, updated_at)
                        VALUES (:roomId, :storeId, 'open', :now)
                        """)
                .param("roomId", roomId)
                .param("storeId", storeId)
                .param("now", Timestamps.param(now))
                .update();
    }

    /**
     * The conversation with its row locked until the transaction ends, so changes to one conversation go in turn.
     * Labels are read only when asked for: a customer's message needs the status alone.
     */
    public Optional<Conversation> lock(UUID roomId, boolean withLabels) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.room_id = :roomId FOR UPDATE")
                .param("roomId", roomId)
                .query(ConversationRepository::row)
                .optional()
                .map(found ->
                        withLabels ? found.withLabels(labels(List.of(roomId)).getOrDefault(roomId, List.of())) : found);
    }

    /** The conversations of those rooms that have one. */
    public Map<UUID, Conversation> findAll(Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        List<Conversation> rows = jdbc.sql("SELECT " + COLUMNS + " FROM conversations c WHERE c.room_id IN (:roomIds)")
                .param("roomIds", roomIds)
                .query(ConversationRepository::row)
                .list();
        Map<UUID, List<String>> labels = labels(roomIds);
        Map<UUID, Conversation> found = new HashMap<>();
        rows.forEach(row -> found.put(row.roomId(), row.withLabels(labels.getOrDefault(row.roomId(), List.of()))));
        return found;
    }

    public void update(Conversation conversation, Instant now) {
        jdbc.sql("""
                        UPDATE conversations
                           SET status = :status, snoozed_until = :snoozedUntil, assignee_id = :assigneeId,
                               first_message_at = :firstMessageAt, first_response_at = :firstResponseAt,
                               resolved_at = :resolvedAt, resolutions = :resolutions, updated_at = :now
                         WHERE room_id = :roomId
                        """)
                .param("roomId", conversation.roomId())
                .param("status", conversation.status().wireName())
                .param("snoozedUntil", Timestamps.param(conversation.snoozedUntil()))
                .param("assigneeId", conversation.assigneeId())
                .param("firstMessageAt", Timestamps.param(conversation.firstMessageAt()))
                .param("firstResponseAt", Timestamps.param(conversation.firstResponseAt()))
                .param("resolvedAt", Timestamps.param(conversation.resolvedAt()))
                .param("resolutions", conversation.resolutions())
                .param("now", Timestamps.param(now))
                .update();
    }

    public void replaceLabels(UUID roomId, Collection<String> labels) {
        jdbc.sql("DELETE FROM conversation_labels WHERE room_id = :roomId")
                .param("roomId", roomId)
                .update();
        for (String label : labels) {
            jdbc.sql("INSERT INTO conversation_labels (room_id, label) VALUES (:roomId, :label)")
                    .param("roomId", roomId)
                    .param("label", label)
                    .update();
        }
    }

    /** The conversations of a store whose customer first wrote at or after {@code since} (conversations_store_idx). */
    public List<Conversation> findByStore(String storeId, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM conversations c
                        WHERE c.store_id = :storeId AND c.first_message_at >= :since
                        """)
                .param("storeId", storeId)
                .param("since", Timestamps.param(since))
                .query(ConversationRepository::row)
                .list();
    }

    private record Load(String assigneeId, long openCount) {}

    /** Open or pending conversations of the store per assignee (conversations_assignee_idx). */
    public Map<String, Long> openLoad(String storeId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        SELECT assignee_id, COUNT(*) AS open_count FROM conversations
                         WHERE assignee_id IN (:userIds) AND status IN ('open', 'pending') AND store_id = :storeId
                         GROUP BY assignee_id
                        """)
                .param("userIds", userIds)
                .param("storeId", storeId)
                .query(Rows.of(Load.class))
                .list()
                .stream()
                .collect(Collectors.toMap(Load::assigneeId, Load::openCount));
    }

    /** Snoozed conversations whose time has come (conversations_snoozed_idx). */
    public List<UUID> dueSnoozed(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT room_id FROM conversations
                         WHERE status = 'snoozed' AND snoozed_until <= :now
                         ORDER BY snoozed_until
                         LIMIT :limit
                        """)
                .param("now", Timestamps.param(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    private Map<UUID, List<String>> labels(Collection<UUID> roomIds) {
        return jdbc
                .sql("SELECT room_id, label FROM conversation_labels WHERE room_id IN (:roomIds) ORDER BY label")
                .param("roomIds", roomIds)
                .query((rs, n) -> new Label(rs.getObject("room_id", UUID.class), rs.getString("label")))
                .list()
                .stream()
                .collect(Collectors.groupingBy(Label::roomId, Collectors.mapping(Label::label, Collectors.toList())));
    }

    /** A row without its labels, read apart. */
    private static Conversation row(ResultSet rs, int n) throws SQLException {
        return new Conversation(
                rs.getObject("room_id", UUID.class),
                ConversationStatus.fromWire(rs.getString("status")),
                Timestamps.read(rs, "snoozed_until"),
                rs.getString("assignee_id"),
                List.of(),
                Timestamps.read(rs, "first_message_at"),
                Timestamps.read(rs, "first_response_at"),
                Timestamps.read(rs, "resolved_at"),
                rs.getInt("resolutions"));
    }
}
