package com.sudamall.chat.web;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
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

    /**
     * Whether the failure says the database cannot be reached: a connect refused or timed out, the server shutting
     * down or starting up, a connection lost or silent mid-request. A pool whose connections are all busy is not
     * that: its request for a connection timed out with the database answering.
     */
    public static boolean isUnreachable(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException
                    || t instanceof EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-03: admin or crash shutdown, cannot connect now (starting up)
                if (state.startsWith("08") || state.startsWith("57P0")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An outage in the wide sense that is only a busy pool: the database answers, this request waited too long. */
    public static boolean isBusy(Throwable failure) {
        return isOutage(failure) && !isUnreachable(failure);
    }

    /**
     * Runs the work, and again after a short pause while it fails only because the pool is busy, for up to {@code
     * patience}; then the last failure is thrown. A database that cannot be reached fails it at once.
     */
    public static <T> T whileBusy(Supplier<T> work, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        long pause = 20;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isBusy(e) || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline) {
                    throw e;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(500, pause * 2);
            }
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
