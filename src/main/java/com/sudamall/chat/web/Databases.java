package com.sudamall.chat.web;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database the service runs on, for the few places that speak a vendor's SQL or settings. */
public final class Databases {

    private Databases() {}

    /** Whether the pool behind {@code dataSource} (however wrapped) connects to PostgreSQL. */
    public static boolean isPostgres(DataSource dataSource) {
        try {
            if (!dataSource.isWrapperFor(HikariDataSource.class)) {
                return false;
            }
            String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
            return url != null && url.startsWith("jdbc:postgresql:");
        } catch (SQLException e) {
            return false;
        }
    }
}
