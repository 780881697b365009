package com.sudamall.chat.message;

import com.sudamall.chat.room.Room;
import org.jspecify.annotations.Nullable;

/**
 * Looks at what a participant writes before it is stored (sends, captions, shares' texts, edits): the moderation
 * module's content filters. It may refuse the text (400 {@code blocked_content}), hide parts of it from the other
 * participants, or send it to the moderators.
 */
public interface ContentScreen {

    Screened screen(Room room, String text);

    /**
     * The outcome.
     *
     * @param content what the room's other participants see
     * @param original the writer's own text, when {@code content} hides parts of it; the writer and moderators see it
     * @param flagReason why the moderators should look at the message, or null
     */
    record Screened(
            String content,
            @Nullable String original,
            @Nullable String flagReason) {

        public static Screened clean(String text) {
            return new Screened(text, null, null);
        }
    }
}
