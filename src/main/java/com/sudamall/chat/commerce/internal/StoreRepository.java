package com.sudamall.chat.commerce.internal;

import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import com.sudamall.chat.web.Upserts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code stores} and {@code store_staff}. */
@Repository
public class StoreRepository {

    private static final TypeReference<Map<String, List<List<String>>>> HOURS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StoreRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record StoreRow(
            String id, String name, String ownerId, String timezone, String businessHours, String autoReply) {}

    private static final String SELECT = """
            SELECT id, name, owner_id, timezone, business_hours, auto_reply
              FROM stores
            """;

    public Optional<Store> find(String id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    public List<Store> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<StoreRow> rows = jdbc.sql(SELECT + " WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(Rows.of(StoreRow.class))
                .list();
        Map<String, List<String>> staff =
                staffOf(rows.stream().map(StoreRow::id).toList());
        return rows.stream()
                .map(row -> new Store(
                        row.id(),
                        row.name(),
                        row.ownerId(),
                        staff.getOrDefault(row.id(), List.of()),
                        row.timezone(),
                        row.businessHours() == null ? null : json.readValue(row.businessHours(), HOURS),
                        row.autoReply()))
                .toList();
    }

    private record StaffRow(String storeId, String userId) {}

    private Map<String, List<String>> staffOf(List<String> storeIds) {
        if (storeIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT store_id, user_id FROM store_staff WHERE store_id IN (:ids) ORDER BY user_id")
                .param("ids", storeIds)
                .query(Rows.of(StaffRow.class))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        StaffRow::storeId, Collectors.mapping(StaffRow::userId, Collectors.toList())));
    }

    /** Stores the user owns or works for. */
    public List<String> idsOfOwnerOrStaff(String userId) {
        List<String> ids = new ArrayList<>(jdbc.sql("SELECT id FROM stores WHERE owner_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .list());
        ids.addAll(jdbc.sql("SELECT store_id FROM store_staff WHERE user_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .list());
        return ids.stream().distinct().toList();
    }

    private static final String UPDATE = """
            UPDATE stores
               SET name = :name, owner_id = :ownerId, timezone = :timezone, business_hours = :hours,
                   auto_reply = :autoReply, updated_at = :now
             WHERE id = :id
            """;

    private static final String INSERT = """
            INSERT INTO stores (id, name, owner_id, timezone, business_hours, auto_reply, created_at, updated_at)
            VALUES (:id, :name, :ownerId, :timezone, :hours, :autoReply, :now, :now)
            """;

    /** Inserts or replaces the store and its staff; true when it was inserted. */
    public boolean save(Store store, Instant now) {
        String hours = store.businessHours() == null ? null : json.writeValueAsString(store.businessHours());
        boolean created = Upserts.updateOrInsert(
                () -> bind(jdbc.sql(UPDATE), store, hours, now).update(),
                () -> bind(jdbc.sql(INSERT), store, hours, now).update());
        jdbc.sql("DELETE FROM store_staff WHERE store_id = :id")
                .param("id", store.id())
                .update();
        for (String userId : store.staffIds()) {
            jdbc.sql("INSERT INTO store_staff (store_id, user_id) VALUES (:storeId, :userId)")
                    .param("storeId", store.id())
                    .param("userId", userId)
                    .update();
        }
        return created;
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec, Store store, String hours, Instant now) {
        return spec.param("id", store.id())
                .param("name", store.name())
                .param("ownerId", store.ownerId())
                .param("timezone", store.timezone())
                .param("hours", hours)
                .param("autoReply", store.autoReply())
                .param("now", Timestamps.param(now));
    }
}
