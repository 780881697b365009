package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.moderation.internal.Finding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word list: one entry per line, matched as whole words without regard to case; an entry ending in {@code *}
 * also matches words that start with it ({@code scam*} finds "scammer"). Blank lines and lines starting with
 * {@code #} are skipped.
 */
final class WordList {

    private final Pattern pattern;
    private final int size;

    WordList(List<String> lines) {
        List<String> alternatives = new ArrayList<>();
        for (String line : lines) {
            String entry = line.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            alternatives.add(
                    entry.endsWith("*")
                            ? Pattern.quote(entry.substring(0, entry.length() - 1)) + "\\w*"
                            : Pattern.quote(entry));
        }
        this.size = alternatives.size();
        this.pattern = alternatives.isEmpty()
                ? null
                : Pattern.compile(
                        "(?<![\\w])(?:" + String.join("|", alternatives) + ")(?![\\w])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    int size() {
        return size;
    }

    List<Finding> find(String text) {
        if (pattern == null) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(new Finding(m.start(), m.end(), Kind.WORD));
        }
        return found;
    }
}
