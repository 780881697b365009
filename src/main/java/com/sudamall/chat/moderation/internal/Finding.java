package com.sudamall.chat.moderation.internal;

/**
 * A part of a text a filter objects to.
 *
 * @param start first character
 * @param end one past the last character
 * @param kind what it is
 */
record Finding(int start, int end, Kind kind) {

    enum Kind {
        PHONE("[phone number hidden]", "a phone number"),
        EMAIL("[e-mail address hidden]", "an e-mail address"),
        LINK("[link hidden]", "a link to an outside site"),
        HANDLE("[contact hidden]", "a messaging-app contact"),
        WORD(null, "a word on the word list");

        private final String placeholder;
        private final String description;

        Kind(String placeholder, String description) {
            this.placeholder = placeholder;
            this.description = description;
        }

        /** What others see in its place: a placeholder, or asterisks for a word. */
        String mask(String found) {
            return placeholder == null ? "*".repeat(found.length()) : placeholder;
        }

        String description() {
            return description;
        }

        boolean isContact() {
            return this != WORD;
        }
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
