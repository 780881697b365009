package com.sudamall.chat.commerce.internal;

import com.sudamall.chat.commerce.Product;
import com.sudamall.chat.web.Rows;
import com.sudamall.chat.web.Timestamps;
import com.sudamall.chat.web.Upserts;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code products}. */
@Repository
public class ProductRepository {

    private static final String SELECT = """
            SELECT id, store_id, name, price, currency, image_url, url
              FROM products
            """;

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Product> find(String id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    public List<Product> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(Rows.of(Product.class))
                .list();
    }

    private static final String UPDATE = """
            UPDATE products
               SET store_id = :storeId, name = :name, price = :price, currency = :currency,
                   image_url = :imageUrl, url = :url, updated_at = :now
             WHERE id = :id
            """;

    private static final String INSERT = """
            INSERT INTO products (id, store_id, name, price, currency, image_url, url, created_at, updated_at)
            VALUES (:id, :storeId, :name, :price, :currency, :imageUrl, :url, :now, :now)
            """;

    /** Inserts or replaces the product; true when it was inserted. */
    public boolean save(Product product, Instant now) {
        return Upserts.updateOrInsert(
                () -> bind(jdbc.sql(UPDATE), product, now).update(),
                () -> bind(jdbc.sql(INSERT), product, now).update());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Product product, Instant now) {
        return spec.param("id", product.id())
                .param("storeId", product.storeId())
                .param("name", product.name())
                .param("price", product.price())
                .param("currency", product.currency())
                .param("imageUrl", product.imageUrl())
                .param("url", product.url())
                .param("now", Timestamps.param(now));
    }
}
