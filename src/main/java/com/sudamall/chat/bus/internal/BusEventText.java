package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import java.util.UUID;

/**
 * A bus event as one Redis message: {@code <skip user>\t<published at>\n<seq>\n<membership>\n<frame>}, where membership is empty or
 * {@code +<room>:<user>} / {@code -<room>:<user>}. User ids never contain a newline, so nothing needs escaping, and
 * the frame goes last so it is never copied to be parsed.
 */
final class BusEventText {

    private static final char SEPARATOR = '\n';
    /**
     * Puts the publish time after the skipped user, on that event's first line: a node of the release before reads
     * the line as a user id that matches no one, so old and new nodes still understand each other during a rolling
     * upgrade (an old node only echoes a new node's typing frames to their sender until it is upgraded).
     */
    private static final char TIME = '\t';

    private BusEventText() {}

    static String write(BusEvent event) {
        String skip = event.skipUserId() == null ? "" : event.skipUserId();
        BusEvent.Membership change = event.membership();
        String membership =
                change == null ? "" : (change.joined() ? "+" : "-") + change.roomId() + ":" + change.userId();
        String frame = event.frame() == null ? "" : event.frame();
        return skip + TIME + event.publishedAt() + SEPARATOR + event.seq() + SEPARATOR + membership + SEPARATOR + frame;
    }

    static BusEvent read(Channel channel, String text) {
        int first = text.indexOf(SEPARATOR);
        int second = text.indexOf(SEPARATOR, first + 1);
        int third = text.indexOf(SEPARATOR, second + 1);
        String head = text.substring(0, first);
        int time = head.lastIndexOf(TIME);
        String skip = time < 0 ? head : head.substring(0, time);
        long publishedAt = time < 0 ? 0 : Long.parseLong(head, time + 1, head.length(), 10);
        long seq = Long.parseLong(text.substring(first + 1, second));
        String membership = text.substring(second + 1, third);
        if (!membership.isEmpty()) {
            int colon = membership.indexOf(':');
            return new BusEvent(
                    channel,
                    null,
                    null,
                    0,
                    new BusEvent.Membership(
                            UUID.fromString(membership.substring(1, colon)),
                            membership.substring(colon + 1),
                            membership.charAt(0) == '+'),
                    publishedAt);
        }
        return new BusEvent(channel, text.substring(third + 1), skip.isEmpty() ? null : skip, seq, null, publishedAt);
    }
}
