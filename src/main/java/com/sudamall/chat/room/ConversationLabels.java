package com.sudamall.chat.room;

import com.sudamall.chat.web.ChatException;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** A conversation's labels as stored: trimmed, lower case, each once, sorted; at most 20 of up to 50 characters. */
final class ConversationLabels {

    static final int MAX_LABELS = 20;
    static final int MAX_LENGTH = 50;

    private ConversationLabels() {}

    static List<String> normalize(List<String> labels) {
        TreeSet<String> normalized = new TreeSet<>();
        for (String label : labels) {
            String value = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
            if (value.isEmpty() || value.length() > MAX_LENGTH) {
                throw ChatException.invalid("labels", "each between 1 and " + MAX_LENGTH + " characters");
            }
            normalized.add(value);
        }
        if (normalized.size() > MAX_LABELS) {
            throw ChatException.invalid("labels", "at most " + MAX_LABELS + " labels");
        }
        return List.copyOf(normalized);
    }
}
