package com.sudamall.chat.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries failed webhooks and e-mails with exponential back-off: the first retry {@code chat.outbox.retry-base}
 * after the failure, each next one twice as long after the last, up to {@code chat.outbox.max-attempts}. Every node
 * runs it; the registry claims a publication (status {@code RESUBMITTED}) before it is retried, so one node retries
 * it. Publications a crashed node left in flight are marked failed by Modulith's staleness monitor
 * ({@code spring.modulith.events.staleness.*}) and retried here too.
 */
@Component
class OutboxRetry {

    private final FailedEventPublications failed;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxRetry(FailedEventPublications failed, OutboxProperties properties, Clock clock) {
        this.failed = failed;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${chat.outbox.retry-interval:5s}",
            initialDelayString = "${chat.outbox.retry-interval:5s}")
    void retry() {
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(100).withFilter(this::isDue));
    }

    boolean isDue(EventPublication publication) {
        int attempts = publication.getCompletionAttempts();
        if (attempts >= properties.maxAttempts()) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate() == null
                ? publication.getPublicationDate()
                : publication.getLastResubmissionDate();
        Duration wait = properties.retryBase().multipliedBy(1L << Math.min(attempts, 20));
        return !clock.instant().isBefore(last.plus(wait));
    }
}
