package com.sudamall.chat.message;

import com.sudamall.chat.message.internal.ReadCursors;
import com.sudamall.chat.web.Outages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where messages have reached. A socket reports the run of a room's seqs it has written to its user, from where its
 * run began; a history page returned to its reader reports the seqs it held. A member's delivery cursor is the
 * longest run of the room's messages, from the start, that reached one of their devices (or that they read): a run
 * moves it only if it carries on from where it stands, so a socket opened after messages its user never got does
 * not claim those. A socket's later report covers its earlier ones, so one lost report costs nothing.
 *
 * <p>Runs are merged in memory per member and room and written every {@code chat.message.delivery-flush} in one
 * transaction; each cursor that moved is announced ({@link MessagesDelivered}). A busy room costs one write per
 * member and flush, not one per message.
 */
@Component
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    // runs kept apart per member and room: two sockets, or a history page and a socket, that do not touch yet
    private static final int MAX_RUNS = 4;

    private record Key(UUID roomId, String userId) {}

    /**
     * Seqs {@code fromSeq} to {@code toSeq} of a room reached a device of the member.
     *
     * @param roomId the room
     * @param userId the member
     * @param fromSeq the first seq of the run
     * @param toSeq the last
     */
    public record Report(UUID roomId, String userId, long fromSeq, long toSeq) {}

    private static final Comparator<Report> ORDER = Comparator.comparing((Report r) -> r.roomId())
            .thenComparing(Report::userId)
            .thenComparingLong(Report::fromSeq);

    private final Map<Key, Runs> pending = new ConcurrentHashMap<>();
    private final ReadCursors cursors;

    Deliveries(ReadCursors cursors) {
        this.cursors = cursors;
    }

    /** The member has been sent the room's messages {@code fromSeq} to {@code toSeq}; cheap, from any thread. */
    public void reached(UUID roomId, String userId, long fromSeq, long toSeq) {
        if (toSeq > 0 && fromSeq <= toSeq) {
            pending.computeIfAbsent(new Key(roomId, userId), key -> new Runs()).add(Math.max(1, fromSeq), toSeq);
        }
    }

    /**
     * One member's runs in one room, kept apart while they do not touch (two sockets, or a history page and a
     * socket); past {@link #MAX_RUNS}, the lowest goes. A socket's reports extend its run in place: every written
     * frame of every socket comes here.
     */
    private static final class Runs {

        private final long[] from = new long[MAX_RUNS];
        private final long[] to = new long[MAX_RUNS];
        private int count;

        synchronized void add(long first, long last) {
            for (int i = 0; i < count; i++) {
                if (first <= to[i] + 1 && from[i] <= last + 1) {
                    from[i] = Math.min(from[i], first);
                    to[i] = Math.max(to[i], last);
                    return;
                }
            }
            if (count == MAX_RUNS) {
                int lowest = 0;
                for (int i = 1; i < count; i++) {
                    lowest = from[i] < from[lowest] ? i : lowest;
                }
                from[lowest] = first;
                to[lowest] = last;
                return;
            }
            from[count] = first;
            to[count] = last;
            count++;
        }

        synchronized void addTo(List<Report> reports, Key key) {
            for (int i = 0; i < count; i++) {
                reports.add(new Report(key.roomId(), key.userId(), from[i], to[i]));
            }
        }
    }

    @Scheduled(fixedDelayString = "${chat.message.delivery-flush:1s}")
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Report> reports = new ArrayList<>();
        for (Key key : List.copyOf(pending.keySet())) {
            Runs runs = pending.remove(key);
            if (runs != null) {
                runs.addTo(reports, key);
            }
        }
        // one order for every node's flush, so two flushes never wait on each other's rows in a circle
        reports.sort(ORDER);
        try {
            cursors.deliverAll(reports);
        } catch (RuntimeException e) {
            // kept for the next flush, merged with what comes meanwhile
            reports.forEach(r -> reached(r.roomId(), r.userId(), r.fromSeq(), r.toSeq()));
            if (Outages.isOutage(e)) {
                Outages.logRefusal(log, "delivery cursors", e);
            } else {
                log.warn("Delivery cursors not written", e);
            }
        }
    }
}
