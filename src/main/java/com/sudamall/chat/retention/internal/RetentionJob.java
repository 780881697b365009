package com.sudamall.chat.retention.internal;

import com.sudamall.chat.message.MessageRetention;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes expired messages batch after batch until none is left, so a first run on a large backlog neither holds
 * one huge transaction nor stops early. Several nodes may run it at once: a message removed twice is removed once.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final MessageRetention retention;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionJob(MessageRetention retention, RetentionProperties properties, Clock clock) {
        this.retention = retention;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${chat.retention.interval:1h}", fixedDelayString = "${chat.retention.interval:1h}")
    void run() {
        if (!properties.enabled()) {
            return;
        }
        Instant cutoff = clock.instant().minus(properties.maxAge());
        int total = 0;
        for (int removed; (removed = retention.removeSentBefore(cutoff, properties.batchSize())) > 0; ) {
            total += removed;
            if (removed < properties.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            log.info("Retention removed {} messages sent before {}", total, cutoff);
        }
    }
}
