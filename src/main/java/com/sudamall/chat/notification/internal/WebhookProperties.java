package com.sudamall.chat.notification.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhooks to the platform.
 *
 * @param url where events are POSTed; webhooks are off while it is empty
 * @param secret the HMAC-SHA256 key the platform verifies {@code X-Chat-Signature} with
 * @param timeout how long one delivery may take, connecting included
 */
@ConfigurationProperties("chat.webhooks")
record WebhookProperties(
        @Nullable String url,
        @Nullable String secret,
        @DefaultValue("10s") Duration timeout) {

    boolean enabled() {
        return url != null && !url.isBlank();
    }
}
