package com.sudamall.chat.attachment.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * File names as the other party will see and save them: the last path segment only, no control or bidirectional
 * formatting characters (a name cannot pretend to end in {@code .pdf} with U+202E), no characters Windows refuses,
 * at most 150 characters, and an extension that matches what the content is.
 */
final class FileNames {

    private static final int MAX_LENGTH = 150;
    private static final Set<String> WINDOWS_DEVICES = Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private FileNames() {}

    /** The sanitised name; {@code file} when nothing usable is left. */
    static String sanitize(@Nullable String original) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean invisible = type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE;
            if (invisible) {
                return;
            }
            clean.appendCodePoint(Character.isWhitespace(c) || "<>:\"|?*".indexOf(c) >= 0 ? ' ' : c);
        });
        name = clean.toString().replaceAll(" {2,}", " ").strip();
        name = name.replaceAll("^[. ]+|[. ]+$", "");
        if (name.isEmpty()) {
            return "file";
        }
        String base = baseName(name);
        if (WINDOWS_DEVICES.contains(base.toLowerCase(Locale.ROOT))) {
            name = "_" + name;
        }
        return truncate(name);
    }

    /** The name with {@code extension} (with its dot) in place of whatever it ended in. */
    static String withExtension(String name, String extension) {
        return truncate(baseName(name) + extension);
    }

    /** The extension, lower case and without its dot; empty when there is none. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String truncate(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        String extension = extension(name);
        String suffix = extension.isEmpty() || extension.length() > 10 ? "" : "." + extension;
        String base = name.substring(0, name.length() - suffix.length());
        int keep = MAX_LENGTH - suffix.length();
        return base.substring(0, base.offsetByCodePoints(0, keep)) + suffix;
    }
}
