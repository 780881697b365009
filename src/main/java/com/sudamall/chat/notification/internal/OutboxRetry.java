package com.sudamall.chat.notification.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries failed webhooks and e-mails with exponential back-off: {@code chat.outbox.retry-base} after the first
 * attempt, each next one twice as long after the last, {@code chat.outbox.max-attempts} attempts in all; then the
 * publication moves to {@code event_publication_dead}. What a crashed node left in flight is marked failed after
 * {@code chat.outbox.stale-after} and retried the same way.
 *
 * <p>One node at a time does this, under a lease in {@code job_leases}: the registry claims a publication before a
 * retry only by its status, so two nodes working from lists read a moment apart could both send it. A node retries
 * only what it can send (webhooks when it has a webhook URL, e-mail when it has an SMTP server, pushes when it has
 * VAPID keys), and nodes that differ in that hold different leases.
 */
@Component
class OutboxRetry {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);
    private static final Duration MIN_LEASE = Duration.ofSeconds(30);
    private static final int BATCH = 500;

    private final FailedEventPublications failed;
    private final OutboxRepository outbox;
    private final OutboxProperties properties;
    private final WebhookProperties webhooks;
    private final ObjectProvider<JavaMailSender> mail;
    private final PushKeys push;
    private final Clock clock;
    private final String node = UUID.randomUUID().toString();

    OutboxRetry(
            FailedEventPublications failed,
            OutboxRepository outbox,
            OutboxProperties properties,
            WebhookProperties webhooks,
            ObjectProvider<JavaMailSender> mail,
            PushKeys push,
            Clock clock) {
        this.push = push;
        this.failed = failed;
        this.outbox = outbox;
        this.properties = properties;
        this.webhooks = webhooks;
        this.mail = mail;
        this.clock = clock;
    }

    private String lease() {
        return "outbox-retry" + (webhooks.enabled() ? "+webhooks" : "")
                + (mail.getIfAvailable() != null ? "+mail" : "")
                + (push.pushes() ? "+push" : "");
    }

    /** Renewed every run; lost by a stopped node after a few missed runs, or at once when it shuts down. */
    private Duration leaseTime() {
        Duration runs = properties.retryInterval().multipliedBy(6);
        return runs.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : runs;
    }

    @PreDestroy
    void release() {
        outbox.release(lease(), node);
    }

    @Scheduled(
            fixedDelayString = "${chat.outbox.retry-interval:5s}",
            initialDelayString = "${chat.outbox.retry-interval:5s}")
    void retry() {
        Instant now = clock.instant();
        if (!outbox.lease(lease(), node, now, now.plus(leaseTime()))) {
            return;
        }
        int stale = outbox.failStale(now.minus(properties.staleAfter()));
        int dead = outbox.buryExhausted(properties.maxAttempts(), now);
        if (stale > 0 || dead > 0) {
            log.warn(
                    "Outbox: {} left in flight by a stopped node, retried; {} out of attempts, moved to"
                            + " event_publication_dead",
                    stale,
                    dead);
        }
        failed.resubmit(ResubmissionOptions.defaults()
                .withBatchSize(BATCH)
                .withMaxInFlight(BATCH)
                .withFilter(publication -> canSend(publication) && isDue(publication)));
    }

    private boolean canSend(EventPublication publication) {
        Object event = publication.getEvent();
        if (event instanceof WebhookDelivery) {
            return webhooks.enabled();
        }
        if (event instanceof BrowserAlert) {
            return push.pushes();
        }
        return !(event instanceof MissedMessages) || mail.getIfAvailable() != null;
    }

    /** Attempts count the first one: the n-th retry comes base × 2^(n-1) after the attempt before it. */
    boolean isDue(EventPublication publication) {
        int attempts = Math.max(1, publication.getCompletionAttempts());
        if (attempts >= properties.maxAttempts()) {
            return false;
        }
        Instant last = publication.getLastResubmissionDate() == null
                ? publication.getPublicationDate()
                : publication.getLastResubmissionDate();
        Duration wait = properties.retryBase().multipliedBy(1L << Math.min(attempts - 1, 20));
        return !clock.instant().isBefore(last.plus(wait));
    }
}
