package com.sudamall.chat.realtime.internal;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where one socket stands in one room's message sequence: the last seq it was sent, and, while it catches up from
 * the database, the live frames that arrived meanwhile (held in seq order, sent after what the database gives).
 * Guarded by its own monitor, which is never held across a database read or a network write.
 */
final class RoomPosition {

    /** Live frames held while catching up; past this many they are dropped and read from the database instead. */
    static final int MAX_HELD = 1_000;

    private long lastSeq = -1;
    // the first seq of the run this socket has been sent without a break, for its delivery reports
    private long runFrom = -1;
    private boolean catchingUp;
    private boolean again;
    private boolean overflowed;
    // allocated on first use: an idle socket holds no map
    private @Nullable TreeMap<Long, String> held;

    boolean isKnown() {
        return lastSeq >= 0;
    }

    long lastSeq() {
        return lastSeq;
    }

    void moveTo(long seq) {
        lastSeq = seq;
    }

    /** Where the unbroken run that {@code seq} is sent in began: a socket's reports cover all it was sent. */
    long runFrom(long seq) {
        if (runFrom < 0 || seq < runFrom) {
            runFrom = seq;
        }
        return runFrom;
    }

    /** The socket was placed afresh (a resume): its next frame begins a new run. */
    void restartRun() {
        runFrom = -1;
    }

    /** Whether a catch-up owns this position: live frames are held, not sent. */
    boolean isCatchingUp() {
        return catchingUp;
    }

    /**
     * Claims the position for a catch-up; false when one runs already, which is then asked to read once more (what
     * made the caller ask, a resume or a recovery, happened after that one's read began).
     */
    boolean claim() {
        again = true;
        if (catchingUp) {
            return false;
        }
        catchingUp = true;
        return true;
    }

    /** Starts one read of the catch-up that owns the position: what asked for it is answered by this read. */
    void beginRead() {
        again = false;
        overflowed = false;
    }

    /** Whether the read that began at {@code from} still applies: nothing moved the position or asked again. */
    boolean stillAt(long from) {
        return lastSeq == from && !again;
    }

    boolean wantsAnotherRead() {
        return again || overflowed;
    }

    void release() {
        catchingUp = false;
    }

    /** Holds a live frame until the catch-up is done; too many and all are dropped, for the database to give. */
    void hold(long seq, String frame) {
        if (overflowed) {
            return;
        }
        if (held == null) {
            held = new TreeMap<>();
        }
        held.put(seq, frame);
        if (held.size() > MAX_HELD) {
            held = null;
            overflowed = true;
        }
    }

    /** The highest seq held, or -1. */
    long highestHeld() {
        return held == null || held.isEmpty() ? -1 : held.lastKey();
    }

    /** The held frame with the lowest seq, removed; null when none is held. */
    Map.@Nullable Entry<Long, String> takeLowestHeld() {
        if (held == null) {
            return null;
        }
        Map.Entry<Long, String> lowest = held.pollFirstEntry();
        if (held.isEmpty()) {
            held = null;
        }
        return lowest;
    }

    /** The lowest seq held, or -1. */
    long lowestHeld() {
        return held == null || held.isEmpty() ? -1 : held.firstKey();
    }
}
