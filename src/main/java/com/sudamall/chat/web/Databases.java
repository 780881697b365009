package com.sudamall.chat.web;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** Which database the service runs on, for the few places that speak a vendor's SQL or settings. */
public final class Databases {

    private Databases() {}

    public static boolean isPostgres(DataSource dataSource) {
        return dataSource instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:");
    }
}
