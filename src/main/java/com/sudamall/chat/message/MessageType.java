package com.sudamall.chat.message;

import com.fasterxml.jackson.annotation.JsonValue;
import com.sudamall.chat.web.ChatException;
import java.util.Locale;

/**
 * The seed's message types, and {@code note}: the store desk's internal note, which only the team that answers a
 * conversation ever receives.
 */
public enum MessageType {
    TEXT,
    IMAGE,
    FILE,
    PRODUCT,
    ORDER,
    SYSTEM,
    NOTE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named in a request, or a 400 naming {@code message_type}. */
    public static MessageType parse(String name) {
        for (MessageType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw ChatException.invalid("message_type", "must be one of text, image, file, product, order, system, note");
    }
}
