package com.sudamall.chat.web.internal;

import com.sudamall.chat.web.Outages;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, with a circuit breaker in front: once a connection could not be had because the database could not be
 * reached (the pool waited its whole {@code connection-timeout} and its last connect failed), every request for one fails at once for {@link #OPEN_FOR}, and after that a single
 * request tries the database again while the others keep failing at once. Without it, while PostgreSQL is down
 * every send waits the full timeout, and a socket's frames, handled one after another, queue behind each other and
 * are answered seconds late, long after the database is back.
 */
final class FailFastDataSource extends DelegatingDataSource implements AutoCloseable {

    /** As long as the {@code Retry-After} the refused sends are given. */
    static final Duration OPEN_FOR = Duration.ofSeconds(1);
    /** SQLSTATE of the refusals while open: a connection exception, as the failed connect was. */
    private static final String UNREACHABLE = "08001";

    private final Clock clock;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile long openUntil;
    private volatile boolean tripped;

    FailFastDataSource(DataSource pool, Clock clock) {
        super(pool);
        this.clock = clock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return attempt(() -> super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return attempt(() -> super.getConnection(username, password));
    }

    /** Closes the pool when the context closes: Spring sees this wrapper, not the pool, as the bean. */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private interface Opening {
        Connection open() throws SQLException;
    }

    private Connection attempt(Opening opening) throws SQLException {
        if (!tripped) {
            return tryOpen(opening);
        }
        if (clock.millis() < openUntil || !probing.compareAndSet(false, true)) {
            throw new SQLTransientConnectionException(
                    "the database is unavailable (failing fast after a failed connect)", UNREACHABLE);
        }
        try {
            return tryOpen(opening);
        } finally {
            probing.set(false);
        }
    }

    private Connection tryOpen(Opening opening) throws SQLException {
        try {
            Connection connection = opening.open();
            tripped = false;
            return connection;
        } catch (SQLTransientConnectionException noConnection) {
            // Hikari gives the last failed connect as the cause. Only one that could not reach the database trips the
            // breaker: without a cause, or with one the database answered (too many clients), the pool is merely
            // busy, and refusing everyone would turn a burst (a reconnect storm) into an outage
            if (Outages.isUnreachable(noConnection.getCause())) {
                openUntil = clock.millis() + OPEN_FOR.toMillis();
                tripped = true;
            }
            throw noConnection;
        }
    }
}
