package com.sudamall.chat.room.internal;

import com.sudamall.chat.room.Member;
import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code room_members}. */
@Repository
public class MemberRepository {

    // the delivery cursor is a row of its own (delivery_cursors), written apart from the read cursor
    private static final String MEMBERS = """
            SELECT m.room_id, m.user_id, m.joined_at, m.last_read_seq, m.last_read_at, m.is_muted,
                   COALESCE(d.delivered_seq, 0) AS last_delivered_seq
              FROM room_members m
              LEFT JOIN delivery_cursors d ON d.room_id = m.room_id AND d.user_id = m.user_id
            """;

    private static final RowMapper<Member> MEMBER = MemberRepository::member;

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many active support rooms each of these users is in (users in none are absent). */
    public Map<String, Long> supportLoad(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> load = new HashMap<>();
        jdbc.sql("""
                        SELECT m.user_id, COUNT(*) AS rooms
                          FROM room_members m
                          JOIN rooms r ON r.id = m.room_id
                         WHERE m.user_id IN (:userIds) AND r.room_type = 'customer_support' AND r.is_active = TRUE
                         GROUP BY m.user_id
                        """).param("userIds", userIds).query(rs -> {
            load.put(rs.getString("user_id"), rs.getLong("rooms"));
        });
        return load;
    }

    public boolean isMember(UUID roomId, String userId) {
        return find(roomId, userId).isPresent();
    }

    public Optional<Member> find(UUID roomId, String userId) {
        return jdbc.sql(MEMBERS + " WHERE m.room_id = :roomId AND m.user_id = :userId")
                .param("roomId", roomId)
                .param("userId", userId)
                .query(MEMBER)
                .optional();
    }

    /** Mutes or unmutes the room for one member; false when they are not in it. */
    public boolean setMuted(UUID roomId, String userId, boolean muted) {
        return jdbc.sql("UPDATE room_members SET is_muted = :muted WHERE room_id = :roomId AND user_id = :userId")
                        .param("muted", muted)
                        .param("roomId", roomId)
                        .param("userId", userId)
                        .update()
                == 1;
    }

    public List<String> memberIds(UUID roomId) {
        return jdbc.sql("SELECT user_id FROM room_members WHERE room_id = :roomId")
                .param("roomId", roomId)
                .query(String.class)
                .list();
    }

    /** The participants' ids of each of the rooms (a room without any is left out). */
    public Map<UUID, Set<String>> memberIdsOf(Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Set<String>> members = new HashMap<>();
        jdbc.sql("SELECT room_id, user_id FROM room_members WHERE room_id IN (:roomIds)")
                .param("roomIds", List.copyOf(roomIds))
                .query((RowCallbackHandler)
                        rs -> members.computeIfAbsent(rs.getObject("room_id", UUID.class), id -> new HashSet<>())
                                .add(rs.getString("user_id")));
        return members;
    }

    /** Members in the order they joined. */
    public List<Member> members(UUID roomId) {
        return jdbc.sql(MEMBERS + " WHERE m.room_id = :roomId ORDER BY m.joined_at, m.user_id")
                .param("roomId", roomId)
                .query(MEMBER)
                .list();
    }

    /** Members of several rooms at once, for rendering a page of rooms. */
    public Map<UUID, List<Member>> members(Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(MEMBERS + " WHERE m.room_id IN (:roomIds) ORDER BY m.joined_at, m.user_id")
                .param("roomIds", List.copyOf(roomIds))
                .query(MEMBER)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Member::roomId));
    }

    private record RoomSeq(UUID roomId, long lastSeq) {}

    /** The active rooms a user is in, with each room's last seq (room_members_user_idx). */
    public Map<UUID, Long> activeRoomsOf(String userId) {
        return jdbc.sql("""
                        SELECT m.room_id, r.last_seq
                          FROM room_members m
                          JOIN rooms r ON r.id = m.room_id
                         WHERE m.user_id = :userId AND r.is_active = TRUE
                        """).param("userId", userId).query(Rows.of(RoomSeq.class)).list().stream()
                .collect(Collectors.toMap(RoomSeq::roomId, RoomSeq::lastSeq));
    }

    private record UserRoom(String userId, UUID roomId) {}

    /** The active rooms of each of these users (room_members_user_idx); users in none are left out. */
    public Map<String, Set<UUID>> activeRoomsOfAll(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        SELECT m.user_id, m.room_id
                          FROM room_members m
                          JOIN rooms r ON r.id = m.room_id
                         WHERE m.user_id IN (:userIds) AND r.is_active = TRUE
                        """).param("userIds", userIds).query(Rows.of(UserRoom.class)).list().stream()
                .collect(Collectors.groupingBy(
                        UserRoom::userId, Collectors.mapping(UserRoom::roomId, Collectors.toSet())));
    }

    public int count(UUID roomId) {
        return jdbc.sql("SELECT COUNT(*) FROM room_members WHERE room_id = :roomId")
                .param("roomId", roomId)
                .query(Integer.class)
                .single();
    }

    public void add(UUID roomId, String userId, Instant now) {
        jdbc.sql("""
                        INSERT INTO room_members (room_id, user_id, joined_at)
                        VALUES (:roomId, :userId, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("roomId", roomId)
                .param("userId", userId)
                .param("now", Timestamps.param(now))
                .update();
    }

    /** True when the user was a member. */
    public boolean remove(UUID roomId, String userId) {
        return jdbc.sql("DELETE FROM room_members WHERE room_id = :roomId AND user_id = :userId")
                        .param("roomId", roomId)
                        .param("userId", userId)
                        .update()
                > 0;
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getObject("room_id", UUID.class),
                rs.getString("user_id"),
                Timestamps.read(rs, "joined_at"),
                rs.getLong("last_read_seq"),
                Timestamps.read(rs, "last_read_at"),
                rs.getBoolean("is_muted"),
                rs.getLong("last_delivered_seq"));
    }
}
