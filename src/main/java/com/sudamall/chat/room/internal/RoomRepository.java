package com.sudamall.chat.room.internal;

import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomFilter;
import com.sudamall.chat.room.RoomType;
import com.sudamall.chat.web.TimeCursor;
import com.sudamall.chat.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code rooms}. */
@Repository
public class RoomRepository {

    private static final String COLUMNS = """
            r.id, r.name, r.room_type, r.store_id, r.product_id, r.customer_id, r.is_active, r.is_private,
            r.allow_file_sharing, r.max_participants, r.is_moderated, r.moderator_id, r.legal_hold, r.created_by,
            r.last_seq, r.last_message_at, r.activity_at, r.created_at, r.updated_at
            """;

    private static final RowMapper<Room> ROOM = RoomRepository::room;

    private final JdbcClient jdbc;

    RoomRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Room> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rooms r WHERE r.id = :id")
                .param("id", id)
                .query(ROOM)
                .optional();
    }

    /** The rooms of the ids that exist, by id. */
    public Map<UUID, Room> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM rooms r WHERE r.id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(ROOM)
                .list()
                .stream()
                .collect(Collectors.toMap(Room::id, room -> room));
    }

    /** The active customer-store room of a store and customer ({@code rooms_dedupe_uk}). */
    public Optional<Room> findByDedupeKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rooms r WHERE r.dedupe_key = :key")
                .param("key", key)
                .query(ROOM)
                .optional();
    }

    /** Takes the room's row lock, serialising membership changes of one room. */
    public void lock(UUID id) {
        jdbc.sql("SELECT id FROM rooms WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(UUID.class)
                .optional();
    }

    // Uses room_members_user_idx to find the user's rooms; sorting a user's rooms is cheap. The conversation filters
    // match customer_store and customer_support rooms only (others have no conversation row).
    private static final String FOR_MEMBER = """
            SELECT %s
              FROM room_members m
              JOIN rooms r ON r.id = m.room_id
              LEFT JOIN conversations c ON c.room_id = r.id
             WHERE m.user_id = :userId
               AND r.is_active = TRUE
               AND (CAST(:type AS VARCHAR) IS NULL OR r.room_type = :type)
               AND (CAST(:status AS VARCHAR) IS NULL OR c.status = :status)
               AND (:unassigned = FALSE OR (c.room_id IS NOT NULL AND c.assignee_id IS NULL))
               AND (CAST(:assignee AS VARCHAR) IS NULL OR c.assignee_id = :assignee)
               AND (CAST(:label AS VARCHAR) IS NULL
                    OR EXISTS (SELECT 1 FROM conversation_labels l WHERE l.room_id = r.id AND l.label = :label))
            """.formatted(COLUMNS);

    private static final String FIRST_PAGE_FOR_MEMBER = FOR_MEMBER + """
             ORDER BY r.activity_at DESC, r.id DESC
             LIMIT :limit
            """;

    private static final String NEXT_PAGE_FOR_MEMBER = FOR_MEMBER + """
               AND (r.activity_at < :at OR (r.activity_at = :at AND r.id < :id))
             ORDER BY r.activity_at DESC, r.id DESC
             LIMIT :limit
            """;

    /** The store's customer conversations, active or not. */
    public List<Room> findCustomerRooms(String storeId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM rooms r
                        WHERE r.store_id = :storeId AND r.room_type = 'customer_store'
                        """)
                .param("storeId", storeId)
                .query(ROOM)
                .list();
    }

    /** Every room the user is in, active or not, oldest first. */
    public List<Room> findAllForMember(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM rooms r
                         JOIN room_members rm ON rm.room_id = r.id AND rm.user_id = :userId
                        ORDER BY r.created_at, r.id
                        """)
                .param("userId", userId)
                .query(ROOM)
                .list();
    }

    public List<Room> findForMember(String userId, RoomFilter filter, @Nullable TimeCursor after, int limit) {
        JdbcClient.StatementSpec spec = after == null
                ? jdbc.sql(FIRST_PAGE_FOR_MEMBER)
                : jdbc.sql(NEXT_PAGE_FOR_MEMBER)
                        .param("at", Timestamps.param(after.at()))
                        .param("id", after.id());
        return spec.param("userId", userId)
                .param("type", filter.type() == null ? null : filter.type().wireName())
                .param(
                        "status",
                        filter.status() == null ? null : filter.status().wireName())
                .param("unassigned", filter.unassigned())
                .param("assignee", filter.assigneeId())
                .param("label", filter.label())
                .param("limit", limit)
                .query(ROOM)
                .list();
    }

    /**
     * A room to insert.
     *
     * @param id room id
     * @param name display name
     * @param type room type
     * @param storeId store of a customer-store room
     * @param productId topic product
     * @param customerId customer of a customer-store room
     * @param dedupeKey {@code store|customer} of an active customer-store room
     * @param maxParticipants participant limit
     * @param createdBy creating user
     * @param now creation time
     */
    public record NewRoom(
            UUID id,
            String name,
            RoomType type,
            @Nullable String storeId,
            @Nullable String productId,
            @Nullable String customerId,
            @Nullable String dedupeKey,
            int maxParticipants,
            @Nullable String createdBy,
            Instant now) {}

    private static final String INSERT = """
            INSERT INTO rooms (id, name, room_type, store_id, product_id, customer_id, dedupe_key, max_participants,
                               created_by, activity_at, created_at, updated_at)
            VALUES (:id, :name, :type, :storeId, :productId, :customerId, :dedupeKey, :maxParticipants,
                    :createdBy, :now, :now, :now)
            """;

    public void insert(NewRoom room) {
        jdbc.sql(INSERT)
                .param("id", room.id())
                .param("name", room.name())
                .param("type", room.type().wireName())
                .param("storeId", room.storeId())
                .param("productId", room.productId())
                .param("customerId", room.customerId())
                .param("dedupeKey", room.dedupeKey())
                .param("maxParticipants", room.maxParticipants())
                .param("createdBy", room.createdBy())
                .param("now", Timestamps.param(room.now()))
                .update();
    }

    private static final String UPDATE_SETTINGS = """
            UPDATE rooms
               SET name = :name, allow_file_sharing = :allowFileSharing, is_moderated = :isModerated,
                   moderator_id = :moderatorId, updated_at = :now
             WHERE id = :id
            """;

    public void updateSettings(
            UUID id,
            String name,
            boolean allowFileSharing,
            boolean isModerated,
            @Nullable String moderatorId,
            Instant now) {
        jdbc.sql(UPDATE_SETTINGS)
                .param("id", id)
                .param("name", name)
                .param("allowFileSharing", allowFileSharing)
                .param("isModerated", isModerated)
                .param("moderatorId", moderatorId)
                .param("now", Timestamps.param(now))
                .update();
    }

    public void updateProduct(UUID id, String productId, Instant now) {
        jdbc.sql("UPDATE rooms SET product_id = :productId, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("productId", productId)
                .param("now", Timestamps.param(now))
                .update();
    }

    public void updateLegalHold(UUID id, boolean legalHold, Instant now) {
        jdbc.sql("UPDATE rooms SET legal_hold = :legalHold, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("legalHold", legalHold)
                .param("now", Timestamps.param(now))
                .update();
    }

    /** An empty room becomes inactive and frees its customer-store pair for a new room. */
    public void deactivate(UUID id, Instant now) {
        jdbc.sql("UPDATE rooms SET is_active = FALSE, dedupe_key = NULL, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("now", Timestamps.param(now))
                .update();
    }

    private static Room room(ResultSet rs, int row) throws SQLException {
        return new Room(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                RoomType.valueOf(rs.getString("room_type").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("store_id"),
                rs.getString("product_id"),
                rs.getString("customer_id"),
                rs.getBoolean("is_active"),
                rs.getBoolean("is_private"),
                rs.getBoolean("allow_file_sharing"),
                rs.getInt("max_participants"),
                rs.getBoolean("is_moderated"),
                rs.getString("moderator_id"),
                rs.getBoolean("legal_hold"),
                rs.getString("created_by"),
                rs.getLong("last_seq"),
                Timestamps.read(rs, "last_message_at"),
                Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "updated_at"));
    }
}
