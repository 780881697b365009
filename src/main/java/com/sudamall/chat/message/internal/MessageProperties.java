package com.sudamall.chat.message.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message limits.
 *
 * @param maxLength longest message text in characters (the seed's {@code MAX_MESSAGE_LENGTH})
 * @param editWindow how long after sending a message its sender may edit it
 * @param writeLanes how many transactions write messages at once (each room always uses the same one)
 * @param maxBatch most sends one transaction writes
 * @param reactions the emoji a message can be reacted with, in the order they are shown
 */
@ConfigurationProperties("chat.message")
public record MessageProperties(
        @DefaultValue("5000") int maxLength,
        @DefaultValue("15m") Duration editWindow,
        @DefaultValue("2") int writeLanes,
        @DefaultValue("256") int maxBatch,

        @DefaultValue({"\uD83D\uDC4D", "\u2764\uFE0F", "\uD83D\uDE02", "\uD83D\uDE2E", "\uD83D\uDE22", "\uD83D\uDE4F"})
        List<String> reactions) {

    public MessageProperties {
        if (maxLength < 1) {
            throw new IllegalArgumentException("chat.message.max-length must be positive");
        }
        if (reactions.isEmpty() || reactions.stream().anyMatch(e -> e.isBlank() || e.length() > 32)) {
            throw new IllegalArgumentException("chat.message.reactions: one or more emoji, each at most 32 chars");
        }
        if (writeLanes < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("chat.message.write-lanes and chat.message.max-batch must be positive");
        }
    }
}
