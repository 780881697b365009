package com.sudamall.chat.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with an unsafe identity set-up: dev mode (dev login, the published secret) together with a
 * production profile or a real JWT key, or production without a key, an issuer or a service key.
 */
@Component
class IdentityStartupCheck implements InitializingBean {

    private static final List<String> PRODUCTION_PROFILES = List.of("prod", "production");

    private final IdentityProperties properties;
    private final Environment environment;

    IdentityStartupCheck(IdentityProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = properties.devMode() ? devModeProblems() : productionProblems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Unsafe identity configuration: " + String.join("; ", problems));
        }
    }

    private List<String> devModeProblems() {
        List<String> problems = new ArrayList<>();
        boolean production = Arrays.stream(environment.getActiveProfiles()).anyMatch(PRODUCTION_PROFILES::contains);
        if (production) {
            problems.add("dev mode (dev login) is on under a production profile; set chat.identity.dev-mode=false");
        }
        if (properties.jwtSecret() != null || properties.jwksUrl() != null) {
            problems.add("a JWT key is configured while dev mode (dev login) is on; set chat.identity.dev-mode=false");
        }
        return problems;
    }

    private List<String> productionProblems() {
        List<String> problems = new ArrayList<>();
        if (properties.jwtSecret() == null && properties.jwksUrl() == null) {
            problems.add("set chat.identity.jwt-secret or chat.identity.jwks-url");
        }
        if (properties.jwtSecret() != null && properties.jwtSecret().getBytes().length < 32) {
            problems.add("chat.identity.jwt-secret must be at least 32 bytes");
        }
        if (IdentityProperties.DEV_SECRET.equals(properties.jwtSecret())) {
            problems.add("chat.identity.jwt-secret is the published dev secret");
        }
        if (properties.issuer() == null) {
            problems.add("set chat.identity.issuer");
        }
        String key = properties.serviceKey();
        if (key == null || key.length() < 16 || IdentityProperties.DEV_SERVICE_KEY.equals(key)) {
            problems.add("set chat.identity.service-key to a secret of at least 16 characters");
        }
        return problems;
    }
}
