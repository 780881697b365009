package com.sudamall.chat.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Verifies the platform's tokens: signature (HS256 secret, or RS256/ES256 from the JWKS URL), expiry (required),
 * issuer and audience. A token is never trusted by its shape: {@code alg: none} and foreign algorithms fail.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfig {

    @Bean
    JwtDecoder jwtDecoder(IdentityProperties properties) {
        NimbusJwtDecoder decoder = properties.jwksUrl() != null
                ? NimbusJwtDecoder.withJwkSetUri(properties.jwksUrl())
                        .jwsAlgorithms(algorithms -> {
                            algorithms.add(SignatureAlgorithm.RS256);
                            algorithms.add(SignatureAlgorithm.ES256);
                        })
                        .build()
                : NimbusJwtDecoder.withSecretKey(secretKey(properties))
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setJwtValidator(validator(properties));
        // The default turns iss into a URL, throwing and catching per token when it is a plain name (the dev
        // issuer is): a socket burst paid for thousands of exceptions. The issuer check compares strings anyway.
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, iss -> iss == null ? null : iss.toString())));
        return decoder;
    }

    static SecretKey secretKey(IdentityProperties properties) {
        return new SecretKeySpec(properties.effectiveSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    private static OAuth2TokenValidator<Jwt> validator(IdentityProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtTimestampValidator());
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null));
        validators.add(
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, sub -> sub instanceof String s && !s.isBlank()));
        validators.add(new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())));
        if (properties.effectiveIssuer() != null) {
            validators.add(new JwtIssuerValidator(properties.effectiveIssuer()));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
