package com.sudamall.chat.web.internal;

import com.sudamall.chat.web.Databases;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Lets the PostgreSQL driver send a JDBC batch of inserts as multi-row statements: the group commit writes a batch
 * of messages in one round trip instead of one per row. Only for PostgreSQL: H2 refuses settings it does not know.
 */
@Component
class PostgresConnectionSettings implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && Databases.isPostgres(pool)) {
            pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return bean;
    }
}
