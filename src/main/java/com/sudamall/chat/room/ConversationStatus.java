package com.sudamall.chat.room;

import com.fasterxml.jackson.annotation.JsonValue;
import com.sudamall.chat.web.ChatException;
import java.util.Locale;

/** Where a conversation stands for the team that answers it. */
public enum ConversationStatus {
    /** Waiting on the team. */
    OPEN,
    /** Waiting on the customer. */
    PENDING,
    /** Put aside until a time, then open again. */
    SNOOZED,
    /** Done; the customer's next message opens it again. */
    RESOLVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConversationStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The status named in a request, or a 400 naming the field. */
    public static ConversationStatus parse(String name, String field) {
        for (ConversationStatus status : values()) {
            if (status.wireName().equals(name)) {
                return status;
            }
        }
        throw ChatException.invalid(field, "one of open, pending, snoozed, resolved");
    }
}
