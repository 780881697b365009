package com.sudamall.chat.notification.internal;

import com.sudamall.chat.notification.internal.MissedMessages.Preview;
import com.sudamall.chat.notification.internal.MissedMessages.RoomUnread;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a pushed alert says: one room's missed messages, as the web client's service worker shows them. Push services
 * take about 4 KB, encryption included, so the text is cut well below that.
 *
 * @param type always {@code missed_messages}
 * @param roomId the room, also the notification's tag: a newer alert of the room replaces the older one
 * @param title the room's name
 * @param body who mentioned the user, then the newest messages, one per line
 * @param unread messages the user has not read there
 * @param mentionedBy who named the user in them
 * @param url where a click opens the room
 */
record PushPayload(
        String type, UUID roomId, String title, String body, long unread, List<String> mentionedBy, String url) {

    private static final int QUOTE = 120;
    private static final int MAX_BYTES = 3000;

    static PushPayload of(RoomUnread room) {
        List<String> lines = new ArrayList<>();
        if (!room.mentionedBy().isEmpty()) {
            lines.add(String.join(", ", room.mentionedBy()) + " mentioned you");
        }
        for (Preview preview : room.latest()) {
            lines.add(preview.from() + ": " + preview.quoted(QUOTE));
        }
        if (room.unread() > room.latest().size()) {
            lines.add(room.unread() + " unread messages");
        }
        return new PushPayload(
                "missed_messages",
                room.roomId(),
                room.name(),
                String.join("\n", lines),
                room.unread(),
                room.mentionedBy(),
                "/#room=" + room.roomId());
    }

    /** The JSON the browser decrypts; the body is shortened until it fits. */
    byte[] json(JsonMapper json) {
        PushPayload payload = this;
        byte[] bytes = json.writeValueAsBytes(payload);
        while (bytes.length > MAX_BYTES && !payload.body.isEmpty()) {
            String shorter = payload.body.substring(0, payload.body.length() * 3 / 4);
            payload = new PushPayload(type, roomId, title, shorter, unread, mentionedBy, url);
            bytes = json.writeValueAsBytes(payload);
        }
        return bytes;
    }

    /** The notification's tag and the push service's {@code Topic}: 32 characters of the URL-safe alphabet. */
    String topic() {
        return roomId.toString().replace("-", "");
    }
}
