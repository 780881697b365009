package com.sudamall.chat.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Timestamps as API.md writes them: UTC with exactly millisecond precision, e.g. {@code 2026-11-24T19:02:03.123Z}.
 * Instants are truncated to milliseconds before they are stored, so what a client reads back equals what it got.
 */
public final class Timestamps {

    /** The wire format of every timestamp. */
    public static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** Now, at the precision the database keeps and the API shows. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Reads a {@code TIMESTAMP WITH TIME ZONE} column, the same way on H2 and PostgreSQL. */
    public static @Nullable Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The JDBC parameter for a {@code TIMESTAMP WITH TIME ZONE} column. */
    public static @Nullable OffsetDateTime param(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
