package com.sudamall.chat.message.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message limits.
 *
 * @param maxLength longest message text in characters (the seed's {@code MAX_MESSAGE_LENGTH})
 * @param editWindow how long after sending a message its sender may edit it
 * @param writeLanes how many transactions write messages at once (each room always uses the same one)
 * @param maxBatch most sends one transaction writes
 */
@ConfigurationProperties("chat.message")
public record MessageProperties(
        @DefaultValue("5000") int maxLength,
        @DefaultValue("15m") Duration editWindow,
        @DefaultValue("2") int writeLanes,
        @DefaultValue("256") int maxBatch) {

    public MessageProperties {
        if (maxLength < 1) {
            throw new IllegalArgumentException("chat.message.max-length must be positive");
        }
        if (writeLanes < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("chat.message.write-lanes and chat.message.max-batch must be positive");
        }
    }
}
