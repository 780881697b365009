package com.sudamall.chat.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database of this test run: in-memory H2 by default; with {@code -Dchat.test.database=postgres} (CI), the
 * PostgreSQL of {@code CHAT_TEST_POSTGRES_URL}, in a schema of its own that is created now and dropped when the JVM
 * exits, so runs never see each other's data. A PostgreSQL run without the URL fails; it never falls back to H2.
 */
public record TestDatabase(String url, String user, String password, String schema) {

    private static final TestDatabase INSTANCE = choose();

    public static TestDatabase get() {
        return INSTANCE;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    private static TestDatabase choose() {
        if (!"postgres".equals(System.getProperty("chat.test.database"))) {
            return new TestDatabase(
                    "jdbc:h2:mem:chat-" + UUID.randomUUID()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                    "sa",
                    "",
                    "");
        }
        String base = System.getenv("CHAT_TEST_POSTGRES_URL");
        if (base == null || base.isBlank()) {
            throw new IllegalStateException("chat.test.database=postgres needs CHAT_TEST_POSTGRES_URL");
        }
        String user = envOr("CHAT_TEST_POSTGRES_USER", "postgres");
        String password = envOr("CHAT_TEST_POSTGRES_PASSWORD", "");
        String schema = "chat_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute(base, user, password, "CREATE SCHEMA " + schema);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> execute(base, user, password, "DROP SCHEMA " + schema + " CASCADE")));
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new TestDatabase(url, user, password, schema);
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused: " + sql, e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
