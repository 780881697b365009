package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageHistory;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.Outages;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Delivers a room's messages to each socket in seq order, with no gap and no duplicate, and never makes the thread
 * that fans out wait. Each socket knows, per room, the last seq it was sent ({@link RoomPosition}):
 *
 * <ul>
 *   <li>a live frame at or below it is a duplicate and is dropped; the next one is sent;
 *   <li>one further ahead reveals a gap (a frame lost on the bus, or published before this node's subscription was
 *       live): it is held, and a catch-up reads the database from the position on;
 *   <li>while a catch-up runs, live frames are held and go out after what the database gave, in seq order.
 * </ul>
 *
 * A catch-up reads with no lock held and applies each page only if nothing moved the position meanwhile. A room's
 * seqs commit in order (the room's row is locked from numbering to commit) and frames are published after the
 * commit, so a read that begins after frame {@code n} arrived sees every message below {@code n} that exists: a
 * seq still missing then was removed (retention) and is skipped. A read that fails (the database is away) is tried
 * again while the socket is open.
 */
@Component
class OrderedDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OrderedDelivery.class);
    private static final int PAGE = 100;
    private static final long RETRY_FIRST_MILLIS = 250;
    private static final long RETRY_LONGEST_MILLIS = 4_000;
    /** Stands for a frame the socket passes over without being sent anything: no real frame is empty. */
    private static final String PASSED = "";

    private static final MessageHistory.SeqPage NOTHING = new MessageHistory.SeqPage(List.of(), false);

    private final MessageHistory history;
    private final RoomAccess access;
    private final FrameCodec codec;
    private final MessageFrames frames;
    /** Catch-ups read the database; a reconnect storm must leave the pool to the senders too. */
    private final Semaphore reads;

    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("catch-up-", 0).factory());

    OrderedDelivery(
            MessageHistory history,
            RoomAccess access,
            FrameCodec codec,
            RealtimeProperties properties,
            MessageFrames frames) {
        this.frames = frames;
        this.history = history;
        this.access = access;
        this.codec = codec;
        this.reads = new Semaphore(properties.catchUpReads());
    }

    /** A live {@code message} frame of {@code seq} for this socket. Never blocks. */
    void deliver(SocketSession session, UUID roomId, long seq, String frame) {
        RoomPosition position = session.position(roomId);
        synchronized (position) {
            if (!position.isKnown() || position.isCatchingUp()) {
                // not placed yet (it is being opened) or catching up: the opening or the catch-up sends it
                position.hold(seq, frame);
                return;
            }
            if (seq <= position.lastSeq()) {
                return;
            }
            if (seq == position.lastSeq() + 1) {
                frames.send(session, roomId, position, seq, frame);
                position.moveTo(seq);
                return;
            }
            position.hold(seq, frame);
            position.claim();
        }
        background.execute(() -> run(session, roomId, position, false));
    }

    /**
     * A live message of {@code seq} that this socket must not get (a note, and the socket is the customer's): it
     * moves the position like a frame sent, so the next message follows on without a read of the database.
     */
    void pass(SocketSession session, UUID roomId, long seq) {
        deliver(session, roomId, seq, PASSED);
    }

    /** Sends every message after {@code afterSeq}, then lets live messages continue from there. */
    void resume(SocketSession session, UUID roomId, long afterSeq) {
        RoomPosition position = session.position(roomId);
        boolean mine;
        synchronized (position) {
            position.moveTo(afterSeq);
            position.restartRun();
            mine = position.claim();
        }
        if (mine) {
            run(session, roomId, position, false);
        }
    }

    /**
     * Opens a room socket at {@code afterSeq}: registers it, and then sends what the database holds after that
     * point, unless its channel is not live yet (the catch-up then comes when it is). Live frames flow from the
     * registration on, in line behind the position; one ahead of it waits for the catch-up.
     *
     * @param register puts the socket on its channel; true when the channel was live already
     */
    void open(SocketSession session, UUID roomId, long afterSeq, BooleanSupplier register) {
        RoomPosition position = session.position(roomId);
        synchronized (position) {
            position.moveTo(afterSeq);
        }
        if (!register.getAsBoolean()) {
            return;
        }
        boolean mine;
        synchronized (position) {
            mine = position.claim();
        }
        if (mine) {
            run(session, roomId, position, true);
        }
    }

    /**
     * Brings the socket up to date from the database in the background, once it has a position in the room: after
     * its channel became live, after a break in the bus, after the socket joined the room.
     */
    void catchUp(SocketSession session, UUID roomId) {
        RoomPosition position = session.position(roomId);
        synchronized (position) {
            if (!position.isKnown() || !position.claim()) {
                return;
            }
        }
        background.execute(() -> run(session, roomId, position, true));
    }

    /** Live messages of a fresh socket start after the room's current last seq. */
    void startAt(SocketSession session, UUID roomId, long lastSeq) {
        RoomPosition position = session.position(roomId);
        boolean heldAny;
        synchronized (position) {
            if (position.isKnown()) {
                return;
            }
            position.moveTo(lastSeq);
            heldAny = position.highestHeld() >= 0;
        }
        if (heldAny) {
            catchUp(session, roomId);
        }
    }

    /**
     * The catch-up loop, run by whoever claimed the position; releases it when the socket is up to date.
     *
     * @param probablyCurrent the socket has just opened, or its channel just became live: it has most likely missed
     *     nothing, which the room's last seq tells for a burst of sockets in one query, where reading the messages
     *     would take one each
     */
    private void run(SocketSession session, UUID roomId, RoomPosition position, boolean probablyCurrent) {
        long retryIn = RETRY_FIRST_MILLIS;
        boolean first = probablyCurrent;
        while (session.isOpen()) {
            long from;
            long heldBeforeRead;
            synchronized (position) {
                position.beginRead();
                from = position.lastSeq();
                heldBeforeRead = position.highestHeld();
            }
            MessageHistory.SeqPage page;
            try {
                page = first && access.lastSeqNow(roomId) <= from ? NOTHING : read(session, roomId, from);
                first = false;
                retryIn = RETRY_FIRST_MILLIS;
            } catch (ChatException e) {
                // no longer allowed in: membership sync closes the socket; nothing more to send it
                synchronized (position) {
                    position.release();
                }
                return;
            } catch (RuntimeException e) {
                if (!Outages.isOutage(e)) {
                    log.error("socket {} not caught up in room {}", session.id(), roomId, e);
                } else {
                    Outages.logRefusal(log, "catch-up of socket " + session.id(), e);
                }
                if (!sleep(retryIn)) {
                    break;
                }
                retryIn = Math.min(RETRY_LONGEST_MILLIS, retryIn * 2);
                continue;
            }
            synchronized (position) {
                if (position.stillAt(from)) {
                    for (Message message : page.messages()) {
                        if (message.seq() != null && message.seq() > position.lastSeq()) {
                            frames.send(
                                    session,
                                    roomId,
                                    position,
                                    message.seq(),
                                    codec.encode(new OutboundFrame.MessageFrame(roomId, message)));
                            position.moveTo(message.seq());
                        }
                    }
                }
                if (page.hasMore() || position.wantsAnotherRead()) {
                    continue;
                }
                if (sendHeld(session, roomId, position, heldBeforeRead)) {
                    position.release();
                    return;
                }
            }
        }
        synchronized (position) {
            position.release();
        }
    }

    /**
     * Sends the held frames that follow on from the position; true when none is left. A gap below a frame that was
     * held before the last read began is a removed message (that read saw all there is below it); a gap below a
     * later frame needs one more read.
     */
    private boolean sendHeld(SocketSession session, UUID roomId, RoomPosition position, long heldBeforeRead) {
        for (long next = position.lowestHeld(); next >= 0; next = position.lowestHeld()) {
            if (next > position.lastSeq() + 1 && next > heldBeforeRead) {
                return false;
            }
            Map.Entry<Long, String> held = position.takeLowestHeld();
            if (held.getKey() > position.lastSeq()) {
                frames.send(session, roomId, position, held.getKey(), held.getValue());
                position.moveTo(held.getKey());
            }
        }
        return true;
    }

    private MessageHistory.SeqPage read(SocketSession session, UUID roomId, long afterSeq) {
        try {
            reads.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to catch up", e);
        }
        try {
            return history.replay(session.user(), roomId, afterSeq, PAGE);
        } finally {
            reads.release();
        }
    }

    /** False when interrupted (the node is stopping). */
    private static boolean sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
