package com.sudamall.chat.realtime.internal;

/**
 * Joins the parts of one client frame, which the container hands over in pieces so that an oversize frame costs at
 * most the limit in memory and can be answered with an {@code error} frame instead of closing the socket. Used by
 * one socket's reader only.
 */
final class InboundFrameBuffer {

    /** What the parts so far amount to. */
    sealed interface Result {
        /** More parts are coming. */
        record Incomplete() implements Result {}

        /** A whole frame within the limit. */
        record Complete(String text) implements Result {}

        /** A whole frame over the limit; its text was dropped. */
        record TooLarge() implements Result {}
    }

    private static final Result INCOMPLETE = new Result.Incomplete();

    private final long maxBytes;
    private final StringBuilder parts = new StringBuilder();
    private long bytes;
    private boolean tooLarge;

    InboundFrameBuffer(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    Result append(String part, boolean last) {
        if (last && bytes == 0 && !tooLarge) {
            // the common case: a whole frame in one part
            return utf8Length(part) > maxBytes ? new Result.TooLarge() : new Result.Complete(part);
        }
        if (!tooLarge) {
            bytes += utf8Length(part);
            if (bytes > maxBytes) {
                tooLarge = true;
                parts.setLength(0);
            } else {
                parts.append(part);
            }
        }
        if (!last) {
            return INCOMPLETE;
        }
        Result result = tooLarge ? new Result.TooLarge() : new Result.Complete(parts.toString());
        parts.setLength(0);
        bytes = 0;
        tooLarge = false;
        return result;
    }

    private static long utf8Length(CharSequence text) {
        long length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
