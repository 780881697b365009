package com.sudamall.chat.message.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message limits.
 *
 * @param maxLength longest message text in characters (the seed's {@code MAX_MESSAGE_LENGTH})
 * @param editWindow how long after sending a message its sender may edit it
 */
@ConfigurationProperties("chat.message")
public record MessageProperties(
        @DefaultValue("5000") int maxLength,
        @DefaultValue("15m") Duration editWindow) {

    public MessageProperties {
        if (maxLength < 1) {
            throw new IllegalArgumentException("chat.message.max-length must be positive");
        }
    }
}
