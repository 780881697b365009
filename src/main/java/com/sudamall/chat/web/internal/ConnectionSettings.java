package com.sudamall.chat.web.internal;

import com.sudamall.chat.web.Databases;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The pool as the service uses it: behind a {@link FailFastDataSource}, so an outage is answered at once rather than
 * after a connect timeout per request. And, for PostgreSQL, lets the driver send a JDBC batch of inserts as
 * multi-row statements (the group commit writes a batch of messages in one round trip instead of one per row), and
 * bounds how long any read from the server may wait. Only for PostgreSQL: H2 refuses settings it does not know.
 */
@Component
class ConnectionSettings implements BeanPostProcessor {

    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            return new FailFastDataSource(pool, Clock.systemUTC());
        }
        return bean;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && Databases.isPostgres(pool)) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
            // a connection whose server went away without a word (a failover, a network partition) must not hold
            // a send, and the room's writer lane behind it, forever: no statement of ours takes this long
            pool.addDataSourceProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
            pool.addDataSourceProperty("tcpKeepAlive", "true");
        }
        return bean;
    }
}
