package com.sudamall.chat.web;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures mean "the database is unavailable right now" rather than a bug: no connection, a connection lost
 * mid-request, a commit or rollback that could not reach the server. They are answered 503 {@code unavailable}
 * (an {@code error} frame over WebSocket), so clients retry instead of reporting an error.
 */
public final class Outages {

    private static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong refusedSinceReport = new AtomicLong();
    private static final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_EVERY_NANOS);

    private Outages() {}

    /**
     * Logs a request refused because of an outage without flooding the log: while the database is down every send
     * of every socket is refused, thousands a second. At most one line every 10 s, written by the first refusal after
     * that time, with how many were refused since the last line.
     */
    public static void logRefusal(Logger log, String what, Throwable failure) {
        long refused = refusedSinceReport.incrementAndGet();
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last >= REPORT_EVERY_NANOS && lastReport.compareAndSet(last, now)) {
            refusedSinceReport.addAndGet(-refused);
            log.warn(
                    "{}: a backing service is unavailable ({}); {} requests refused since the last report",
                    what,
                    failure.getMessage(),
                    refused);
        }
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }
}
