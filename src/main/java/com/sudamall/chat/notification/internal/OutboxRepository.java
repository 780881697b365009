package com.sudamall.chat.notification.internal;

import com.sudamall.chat.web.Timestamps;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What Spring Modulith's registry leaves to us in {@code event_publication}: publications a crash left in flight,
 * publications out of attempts, and the lease that lets one node at a time retry.
 */
@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes or renews the lease on {@code name} until {@code until}; false while another holder has it. */
    boolean lease(String name, String holder, Instant now, Instant until) {
        // the update takes a lease that is ours or has run out; nothing updated is a lease held by another node, or
        // none yet. Run outside a transaction: on PostgreSQL the failed insert would abort one.
        int renewed = jdbc.sql("""
                        UPDATE job_leases SET holder = :holder, lease_until = :until
                         WHERE name = :name AND (holder = :holder OR lease_until < :now)
                        """)
                .param("name", name)
                .param("holder", holder)
                .param("now", Timestamps.param(now))
                .param("until", Timestamps.param(until))
                .update();
        if (renewed == 1) {
            return true;
        }
        try {
            jdbc.sql("INSERT INTO job_leases (name, holder, lease_until) VALUES (:name, :holder, :until)")
                    .param("name", name)
                    .param("holder", holder)
                    .param("until", Timestamps.param(until))
                    .update();
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    void release(String name, String holder) {
        jdbc.sql("DELETE FROM job_leases WHERE name = :name AND holder = :holder")
                .param("name", name)
                .param("holder", holder)
                .update();
    }

    /**
     * Marks failed what has been in flight since before {@code cutoff}: its node crashed (a delivery takes seconds).
     * Counted from the last attempt, not the first publication, so a late retry is not cut off while it runs.
     */
    int failStale(Instant cutoff) {
        return jdbc.sql("""
                        UPDATE event_publication SET status = 'FAILED'
                         WHERE completion_date IS NULL
                           AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                           AND COALESCE(last_resubmission_date, publication_date) < :cutoff
                        """).param("cutoff", Timestamps.param(cutoff)).update();
    }

    /** Moves failed publications that used all their attempts to {@code event_publication_dead}. */
    @Transactional
    int buryExhausted(int attempts, Instant now) {
        jdbc.sql("""
                        INSERT INTO event_publication_dead (id, listener_id, event_type, serialized_event,
                               publication_date, completion_attempts, last_resubmission_date, buried_at)
                        SELECT id, listener_id, event_type, serialized_event, publication_date, completion_attempts,
                               last_resubmission_date, :now
                          FROM event_publication
                         WHERE status = 'FAILED' AND completion_attempts >= :attempts
                        """)
                .param("attempts", attempts)
                .param("now", Timestamps.param(now))
                .update();
        return jdbc.sql("DELETE FROM event_publication WHERE status = 'FAILED' AND completion_attempts >= :attempts")
                .param("attempts", attempts)
                .update();
    }
}
