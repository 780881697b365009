package com.sudamall.chat.identity.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings.
 *
 * @param devMode dev login, demo data and the published dev secret; refused together with a JWT key or the
 *     {@code prod} profile
 * @param jwtSecret shared HS256 secret of the platform's tokens (at least 32 bytes)
 * @param jwksUrl the platform's JWKS URL, for RS256/ES256 tokens (instead of a secret)
 * @param issuer required {@code iss} of tokens ({@code sudamall-chat-dev} in dev mode)
 * @param audience required {@code aud} of tokens
 * @param serviceKey bearer key of the platform's backend on {@code /api/integration/**} ({@code dev-service-key} in
 *     dev mode)
 * @param devTokenTtl lifetime of tokens made by the dev login
 */
@ConfigurationProperties("chat.identity")
public record IdentityProperties(
        @DefaultValue("true") boolean devMode,
        @Nullable String jwtSecret,
        @Nullable String jwksUrl,
        @Nullable String issuer,
        @DefaultValue("sudamall-chat") String audience,
        @Nullable String serviceKey,
        @DefaultValue("12h") Duration devTokenTtl) {

    static final String DEV_SECRET = "sudamall-chat-dev-secret-0123456789abcdef";
    static final String DEV_ISSUER = "sudamall-chat-dev";
    static final String DEV_SERVICE_KEY = "dev-service-key";

    String effectiveSecret() {
        return jwtSecret != null ? jwtSecret : DEV_SECRET;
    }

    @Nullable
    String effectiveIssuer() {
        return issuer != null ? issuer : devMode ? DEV_ISSUER : null;
    }

    @Nullable
    String effectiveServiceKey() {
        return serviceKey != null && !serviceKey.isBlank() ? serviceKey : devMode ? DEV_SERVICE_KEY : null;
    }
}
