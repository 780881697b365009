package com.sudamall.chat.commerce.internal;

import com.sudamall.chat.commerce.OrderSnapshot;
import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import com.sudamall.chat.web.Upserts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code orders}. */
@Repository
public class OrderRepository {

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrderSnapshot> find(String id) {
        return jdbc.sql("""
                        SELECT id, order_number, customer_id, store_id, status, total, currency
                          FROM orders
                         WHERE id = :id
                        """).param("id", id).query(Rows.of(OrderSnapshot.class)).optional();
    }

    /** The customer's orders at the store, newest first. */
    public List<OrderSnapshot> findByCustomerAndStore(String customerId, String storeId, int limit) {
        return jdbc.sql("""
                        SELECT id, order_number, customer_id, store_id, status, total, currency
                          FROM orders
                         WHERE customer_id = :customerId AND store_id = :storeId
                         ORDER BY created_at DESC, id DESC
                         LIMIT :limit
                        """)
                .param("customerId", customerId)
                .param("storeId", storeId)
                .param("limit", limit)
                .query(Rows.of(OrderSnapshot.class))
                .list();
    }

    private static final String UPDATE = """
            UPDATE orders
               SET order_number = :orderNumber, customer_id = :customerId, store_id = :storeId, status = :status,
                   total = :total, currency = :currency, updated_at = :now
             WHERE id = :id
            """;

    private static final String INSERT = """
            INSERT INTO orders (id, order_number, customer_id, store_id, status, total, currency, created_at, updated_at)
            VALUES (:id, :orderNumber, :customerId, :storeId, :status, :total, :currency, :now, :now)
            """;

    /** Inserts or replaces the order; true when it was inserted. */
    public boolean save(OrderSnapshot order, Instant now) {
        return Upserts.updateOrInsert(
                () -> bind(jdbc.sql(UPDATE), order, now).update(),
                () -> bind(jdbc.sql(INSERT), order, now).update());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OrderSnapshot order, Instant now) {
        return spec.param("id", order.id())
                .param("orderNumber", order.orderNumber())
                .param("customerId", order.customerId())
                .param("storeId", order.storeId())
                .param("status", order.status())
                .param("total", order.total())
                .param("currency", order.currency())
                .param("now", Timestamps.param(now));
    }
}
