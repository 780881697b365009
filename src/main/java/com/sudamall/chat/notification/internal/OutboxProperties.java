package com.sudamall.chat.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of failed after-commit work (webhooks, e-mail) from the event publication registry.
 *
 * @param retryBase the wait before the first retry; it doubles with every attempt
 * @param maxAttempts retries after which a publication is left failed (counted, and kept for an operator)
 * @param retryInterval how often failed publications are looked at
 */
@ConfigurationProperties("chat.outbox")
record OutboxProperties(
        @DefaultValue("10s") Duration retryBase,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("5s") Duration retryInterval) {}
