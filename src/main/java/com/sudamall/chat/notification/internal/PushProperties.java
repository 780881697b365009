package com.sudamall.chat.notification.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Browser push (Web Push with VAPID) of missed-message alerts.
 *
 * @param enabled whether browsers may subscribe and alerts are pushed
 * @param publicKey the VAPID public key: the uncompressed P-256 point, base64url (what {@code web-push
 *     generate-vapid-keys} prints); with {@code privateKey}, required for push outside dev mode
 * @param privateKey the VAPID private key: the 32-byte scalar, base64url
 * @param subject who runs this service, for push services to contact ({@code mailto:} or {@code https:})
 * @param allowedHosts the push services a subscription may point at; {@code *.} matches any subdomain. The
 *     service posts to a subscription's endpoint, so an endpoint anywhere else is refused when it is saved
 * @param requireHttps refuse endpoints that are not https (tests with a local receiver turn it off)
 * @param timeout one push request's budget, connecting included
 * @param ttl how long a push service keeps an alert for a browser that is offline
 * @param maxPerUser subscriptions kept per user; a new one beyond replaces the oldest
 */
@ConfigurationProperties("chat.push")
@Validated
record PushProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable String publicKey,
        @Nullable String privateKey,

        @DefaultValue("mailto:chat@sudamall.example") @Pattern(regexp = "(mailto:|https://).+")
        String subject,

        @DefaultValue({"fcm.googleapis.com", "*.push.services.mozilla.com", "*.push.apple.com", "*.notify.windows.com"})
        List<String> allowedHosts,

        @DefaultValue("true") boolean requireHttps,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("1d") Duration ttl,
        @DefaultValue("10") @Min(1) int maxPerUser) {

    boolean keysConfigured() {
        return publicKey != null && !publicKey.isBlank() && privateKey != null && !privateKey.isBlank();
    }
}
