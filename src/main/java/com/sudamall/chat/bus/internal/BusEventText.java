package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import java.util.UUID;

/**
 * A bus event as one Redis message: {@code <skip user>\n<seq>\n<membership>\n<frame>}, where membership is empty or
 * {@code +<room>:<user>} / {@code -<room>:<user>}. User ids never contain a newline, so nothing needs escaping, and
 * the frame goes last so it is never copied to be parsed.
 */
final class BusEventText {

    private static final char SEPARATOR = '\n';

    private BusEventText() {}

    static String write(BusEvent event) {
        String skip = event.skipUserId() == null ? "" : event.skipUserId();
        BusEvent.Membership change = event.membership();
        String membership =
                change == null ? "" : (change.joined() ? "+" : "-") + change.roomId() + ":" + change.userId();
        String frame = event.frame() == null ? "" : event.frame();
        return skip + SEPARATOR + event.seq() + SEPARATOR + membership + SEPARATOR + frame;
    }

    static BusEvent read(Channel channel, String text) {
        int first = text.indexOf(SEPARATOR);
        int second = text.indexOf(SEPARATOR, first + 1);
        int third = text.indexOf(SEPARATOR, second + 1);
        String skip = text.substring(0, first);
        long seq = Long.parseLong(text.substring(first + 1, second));
        String membership = text.substring(second + 1, third);
        if (!membership.isEmpty()) {
            int colon = membership.indexOf(':');
            return BusEvent.membership(
                    channel,
                    UUID.fromString(membership.substring(1, colon)),
                    membership.substring(colon + 1),
                    membership.charAt(0) == '+');
        }
        return new BusEvent(channel, text.substring(third + 1), skip.isEmpty() ? null : skip, seq);
    }
}
