package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageHistory;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Delivers a room's messages to each socket in seq order, with no gap and no duplicate. Each socket remembers, per
 * room, the last seq it was sent. A live message at or below it is a duplicate (already sent by a replay) and is
 * dropped; one more than one ahead reveals a gap (a frame published late, or lost on the bus), which is filled from
 * the database before the message goes out. Resume sets the position and replays from the database under the same
 * lock, so live messages arriving meanwhile wait and then fall in line.
 */
@Component
class OrderedDelivery {

    private static final int PAGE = 100;

    private final MessageHistory history;
    private final FrameCodec codec;

    OrderedDelivery(MessageHistory history, FrameCodec codec) {
        this.history = history;
        this.codec = codec;
    }

    /** A live {@code message} frame of {@code seq} for this socket. */
    void deliver(SocketSession session, UUID roomId, long seq, String frame) {
        SocketSession.RoomPosition position = session.position(roomId);
        synchronized (position) {
            if (!position.isKnown()) {
                position.moveTo(seq - 1);
            }
            if (seq <= position.lastSeq()) {
                return;
            }
            if (seq > position.lastSeq() + 1) {
                catchUp(session, roomId, position, seq);
            }
            session.send(frame);
            position.moveTo(seq);
        }
    }

    /** Sends every message after {@code afterSeq}, then lets live messages continue from there. */
    void resume(SocketSession session, UUID roomId, long afterSeq) {
        SocketSession.RoomPosition position = session.position(roomId);
        synchronized (position) {
            position.moveTo(afterSeq);
            catchUp(session, roomId, position, Long.MAX_VALUE);
        }
    }

    /**
     * Opens a room socket at {@code afterSeq}: registers it (so live messages start to arrive) and then sends what
     * the database holds after that point, all under the position's lock. A message committed before registration
     * comes from the database, one published after it waits for the lock and then is either a duplicate or next in
     * line: no gap, no duplicate.
     */
    void open(SocketSession session, UUID roomId, long afterSeq, Runnable register) {
        SocketSession.RoomPosition position = session.position(roomId);
        synchronized (position) {
            position.moveTo(afterSeq);
            register.run();
            catchUp(session, roomId, position, Long.MAX_VALUE);
        }
    }

    /** Sends what the database holds beyond this socket's position in the room, once it has one. */
    void catchUp(SocketSession session, UUID roomId) {
        SocketSession.RoomPosition position = session.position(roomId);
        synchronized (position) {
            if (position.isKnown()) {
                catchUp(session, roomId, position, Long.MAX_VALUE);
            }
        }
    }

    /** Live messages of a fresh socket start after the room's current last seq. */
    void startAt(SocketSession session, UUID roomId, long lastSeq) {
        SocketSession.RoomPosition position = session.position(roomId);
        synchronized (position) {
            if (!position.isKnown()) {
                position.moveTo(lastSeq);
            }
        }
    }

    private void catchUp(SocketSession session, UUID roomId, SocketSession.RoomPosition position, long beforeSeq) {
        MessageHistory.SeqPage page;
        do {
            page = history.bySeq(session.user(), roomId, position.lastSeq(), null, PAGE, false);
            for (Message message : page.messages()) {
                if (message.seq() == null || message.seq() >= beforeSeq) {
                    return;
                }
                session.send(codec.encode(new OutboundFrame.MessageFrame(roomId, message)));
                position.moveTo(message.seq());
            }
        } while (page.hasMore());
    }
}
