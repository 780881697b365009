package com.sudamall.chat.room;

import com.fasterxml.jackson.annotation.JsonValue;
import com.sudamall.chat.web.ChatException;
import java.util.Locale;

/** The seed's four room types, with their default participant limits. */
public enum RoomType {
    CUSTOMER_STORE(2),
    CUSTOMER_SUPPORT(10),
    GROUP(100),
    PRIVATE(2);

    /** The largest group a client may ask for. */
    public static final int MAX_GROUP_SIZE = 1000;

    private final int defaultMaxParticipants;

    RoomType(int defaultMaxParticipants) {
        this.defaultMaxParticipants = defaultMaxParticipants;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Rooms the store desk works on as conversations: a customer and a team (the store's, or the support agents). */
    public boolean isConversation() {
        return this == CUSTOMER_STORE || this == CUSTOMER_SUPPORT;
    }

    public int defaultMaxParticipants() {
        return defaultMaxParticipants;
    }

    /** The seed's default room name: Python's {@code f"{room_type.title()} Chat"}, e.g. "Customer_Store Chat". */
    public String defaultName() {
        StringBuilder title = new StringBuilder();
        boolean upper = true;
        for (char c : wireName().toCharArray()) {
            title.append(upper ? Character.toUpperCase(c) : c);
            upper = !Character.isLetter(c);
        }
        return title + " Chat";
    }

    /** The type named in a request, or a 400 naming {@code room_type}. */
    public static RoomType parse(String name) {
        for (RoomType type : values()) {
            if (type.wireName().equals(name)) {
                return type;
            }
        }
        throw ChatException.invalid("room_type", "must be one of customer_store, customer_support, group, private");
    }
}
