package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.Deliveries;
import com.sudamall.chat.message.MessagesDelivered;
import com.sudamall.chat.message.MessagesRead;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Moves read cursors and announces it ({@link MessagesRead}) so other participants see read ticks. */
@Component
public class ReadCursors {

    private final ReadCursorRepository cursors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReadCursors(ReadCursorRepository cursors, ApplicationEventPublisher events, Clock clock) {
        this.cursors = cursors;
        this.events = events;
        this.clock = clock;
    }

    /** Moves the reader's cursor to {@code seq} if that is forward; non-members have no cursor and nothing moves. */
    @Transactional
    public void advance(UUID roomId, String userId, long seq) {
        if (cursors.advance(roomId, userId, seq, Timestamps.now(clock))) {
            events.publishEvent(new MessagesRead(roomId, userId, seq));
        }
    }

    /** Moves delivery cursors forward, in one transaction, and announces each that moved. */
    @Transactional
    public void deliverAll(List<Deliveries.Report> reports) {
        if (!reports.isEmpty()) {
            cursors.deliverAll(reports)
                    .forEach(r -> events.publishEvent(new MessagesDelivered(r.roomId(), r.userId(), r.toSeq())));
        }
    }

    public Map<UUID, Long> unreadByRoom(String userId) {
        return cursors.unreadByRoom(userId);
    }
}
