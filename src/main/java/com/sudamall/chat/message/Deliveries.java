package com.sudamall.chat.message;

import com.sudamall.chat.message.internal.ReadCursors;
import com.sudamall.chat.web.Outages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where messages have reached: a socket that has written a room's message frame, or a history page returned to its
 * reader, reports the seqs here. A member's delivery cursor is the longest run of the room's messages, from the
 * start, that reached one of their devices (or that they read): a report moves it only if it carries on from where
 * it stands, so a socket opened after messages its user never got does not claim those. Reports are merged in
 * memory per member and room and written every {@code chat.message.delivery-flush} as one batch; each cursor that
 * moved is announced ({@link MessagesDelivered}), which gives the room a {@code delivered} frame. A busy room costs
 * one update per member per flush, not one per message; a report lost (two that do not join, a crash) only leaves
 * a ✓ where a ✓✓ was due, never the reverse.
 */
@Component
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private record Key(UUID roomId, String userId) {}

    /**
     * Seqs {@code fromSeq} to {@code toSeq} of a room reached a device of the member.
     *
     * @param roomId the room
     * @param userId the member
     * @param fromSeq the first seq of the run
     * @param toSeq the last
     */
    public record Report(UUID roomId, String userId, long fromSeq, long toSeq) {

        /** The two runs as one, if they touch; else the one that starts first, which can carry a cursor further. */
        private Report join(Report other) {
            if (other.fromSeq <= toSeq + 1 && fromSeq <= other.toSeq + 1) {
                return new Report(roomId, userId, Math.min(fromSeq, other.fromSeq), Math.max(toSeq, other.toSeq));
            }
            return fromSeq <= other.fromSeq ? this : other;
        }
    }

    private final Map<Key, Report> pending = new ConcurrentHashMap<>();
    private final ReadCursors cursors;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Deliveries(ReadCursors cursors, ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.cursors = cursors;
        this.events = events;
        this.transactions = transactions;
    }

    /** The member has been sent the room's messages {@code fromSeq} to {@code toSeq}; cheap, from any thread. */
    public void reached(UUID roomId, String userId, long fromSeq, long toSeq) {
        if (toSeq > 0 && fromSeq <= toSeq) {
            report(new Report(roomId, userId, fromSeq, toSeq));
        }
    }

    private void report(Report report) {
        pending.merge(new Key(report.roomId(), report.userId()), report, Report::join);
    }

    @Scheduled(fixedDelayString = "${chat.message.delivery-flush:1s}")
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Report> reports = new ArrayList<>(pending.size());
        for (Key key : List.copyOf(pending.keySet())) {
            Report report = pending.remove(key);
            if (report != null) {
                reports.add(report);
            }
        }
        try {
            transactions.executeWithoutResult(tx -> cursors.deliverAll(reports).forEach(events::publishEvent));
        } catch (RuntimeException e) {
            // kept for the next flush: a newer report for the same member merges with it
            reports.forEach(this::report);
            if (Outages.isOutage(e)) {
                Outages.logRefusal(log, "delivery cursors", e);
            } else {
                log.warn("Delivery cursors not written", e);
            }
        }
    }
}
