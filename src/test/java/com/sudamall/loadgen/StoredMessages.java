package com.sudamall.loadgen;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the fault suite's nodes stored, read from PostgreSQL itself rather than through the service under test. */
final class StoredMessages {

    private final String url;
    private final String user;

    StoredMessages(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** Every stored seq of each room, read from PostgreSQL itself. */
    Map<String, List<Long>> seqs(List<Room> rooms) {
        Map<String, List<Long>> seqs = new HashMap<>();
        query(
                "SELECT room_id, seq FROM messages WHERE seq IS NOT NULL AND room_id = ANY (?)",
                statement -> statement.setArray(
                        1,
                        statement
                                .getConnection()
                                .createArrayOf(
                                        "uuid",
                                        rooms.stream()
                                                .map(room -> UUID.fromString(room.id()))
                                                .toArray())),
                row -> seqs.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                        .add(row.getLong(2)));
        return seqs;
    }

    /** How many times each of the run's messages is stored, by client_msg_id. */
    Map<String, Integer> copies(String run) {
        Map<String, Integer> copies = new HashMap<>();
        query(
                "SELECT client_msg_id, count(*) FROM messages WHERE client_msg_id LIKE ? GROUP BY client_msg_id",
                statement -> statement.setString(1, run + "-%"),
                row -> copies.put(row.getString(1), row.getInt(2)));
        return copies;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, Binder binder, RowReader reader) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the results failed: " + sql, e);
        }
    }
}
