package com.sudamall.chat.web;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;

/**
 * Maps rows onto records by column name ({@code last_seq} → {@code lastSeq}), one mapper per record type. Use it
 * instead of JdbcClient's {@code query(Record.class)}: that mapper asks the driver for each camelCase component by
 * its own name first, and PostgreSQL's driver answers each miss with an exception and its stack trace, on every row
 * (thousands a second during a burst of sockets). This one matches the columns once per result set.
 */
public final class Rows {

    private static final ClassValue<RowMapper<?>> MAPPERS = new ClassValue<>() {
        @Override
        protected RowMapper<?> computeValue(Class<?> type) {
            return new DataClassRowMapper<>(type);
        }
    };

    private Rows() {}

    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.get(type);
    }
}
