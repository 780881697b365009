package com.sudamall.chat.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

class FailFastDataSourceTests {

    private final Database database = new Database();
    private final TestClock clock = new TestClock();
    private final FailFastDataSource dataSource = new FailFastDataSource(database, clock);

    @Test
    void connectsThroughWhileTheDatabaseAnswers() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(database.attempts).isEqualTo(1);
    }

    @Test
    void afterAFailedConnectFailsAtOnceThenTriesAgainAndRecovers() throws SQLException {
        database.down = true;
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(database.attempts).isEqualTo(1);

        // within the open second: refused without asking the pool
        clock.advance(FailFastDataSource.OPEN_FOR.toMillis() - 1);
        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("failing fast");
        assertThat(database.attempts).isEqualTo(1);

        // after it: one try, which fails again and opens the breaker again
        clock.advance(1);
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(database.attempts).isEqualTo(2);
        assertThatThrownBy(dataSource::getConnection).hasMessageContaining("failing fast");

        database.down = false;
        clock.advance(FailFastDataSource.OPEN_FOR.toMillis());
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
        // closed again: every request goes through
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(database.attempts).isEqualTo(4);
    }

    @Test
    void closingItClosesThePool() throws Exception {
        try (var pool = new com.zaxxer.hikari.HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:fail-fast-close");
            new FailFastDataSource(pool, clock).close();

            assertThat(pool.isClosed()).isTrue();
        }
    }

    @Test
    void aBusyPoolDoesNotOpenTheBreaker() {
        database.busy = true;
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThatThrownBy(dataSource::getConnection).hasMessageNotContaining("failing fast");
        assertThat(database.attempts).isEqualTo(2);
    }

    @Test
    void aDatabaseThatAnswersButIsFullDoesNotOpenTheBreaker() {
        database.full = true;
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThatThrownBy(dataSource::getConnection).hasMessageNotContaining("failing fast");
        assertThat(database.attempts).isEqualTo(2);
    }

    @Test
    void otherFailuresDoNotOpenTheBreaker() {
        database.wrongPassword = true;
        assertThatThrownBy(dataSource::getConnection).isNotInstanceOf(SQLTransientConnectionException.class);
        assertThatThrownBy(dataSource::getConnection).hasMessageContaining("password");
        assertThat(database.attempts).isEqualTo(2);
    }

    /** A real H2 database that can be made unreachable, or busy, as a Hikari pool reports either. */
    private static final class Database extends AbstractDataSource {

        private final JdbcDataSource h2 = new JdbcDataSource();
        volatile boolean down;
        volatile boolean busy;
        volatile boolean full;
        volatile boolean wrongPassword;
        int attempts;

        Database() {
            h2.setURL("jdbc:h2:mem:fail-fast");
        }

        @Override
        public Connection getConnection() throws SQLException {
            attempts++;
            if (down) {
                // as Hikari reports it: the timeout, caused by the last connect that failed
                throw new SQLTransientConnectionException(
                        "Connection is not available, request timed out",
                        "08001",
                        new SQLException("Connection refused", "08001"));
            }
            if (busy) {
                throw new SQLTransientConnectionException("Connection is not available, request timed out");
            }
            if (full) {
                // the pool timed out, and its last connect was refused by a database that answered
                throw new SQLTransientConnectionException(
                        "Connection is not available, request timed out",
                        "53300",
                        new SQLException("sorry, too many clients already", "53300"));
            }
            if (wrongPassword) {
                throw new SQLException("password authentication failed");
            }
            return h2.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    private static final class TestClock extends Clock {

        private long millis = 1_000_000;

        void advance(long by) {
            millis += by;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
