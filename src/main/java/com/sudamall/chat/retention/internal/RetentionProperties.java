package com.sudamall.chat.retention.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message retention.
 *
 * @param enabled whether the job runs at all
 * @param maxAge how long messages are kept (the seed's {@code MESSAGE_RETENTION_DAYS}, 365 days)
 * @param interval how often the job looks for expired messages
 * @param batchSize messages removed per transaction
 */
@ConfigurationProperties("chat.retention")
record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("365d") Duration maxAge,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("1000") int batchSize) {

    RetentionProperties {
        if (maxAge.isNegative() || maxAge.isZero() || batchSize < 1) {
            throw new IllegalArgumentException("chat.retention.max-age and batch-size must be positive");
        }
    }
}
