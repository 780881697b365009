package com.sudamall.chat.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of failed after-commit work (webhooks, e-mail) from the event publication registry.
 *
 * @param retryBase the wait before the first retry; it doubles with every attempt
 * @param maxAttempts attempts, the first included, after which a publication moves to {@code event_publication_dead}
 * @param retryInterval how often failed publications are looked at
 * @param staleAfter an attempt this old without an outcome is taken for lost (its node stopped)
 */
@ConfigurationProperties("chat.outbox")
record OutboxProperties(
        @DefaultValue("10s") Duration retryBase,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("5s") Duration retryInterval,
        @DefaultValue("5m") Duration staleAfter) {}
