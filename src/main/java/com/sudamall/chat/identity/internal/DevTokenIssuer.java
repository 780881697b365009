package com.sudamall.chat.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sudamall.chat.identity.NewProfile;
import com.sudamall.chat.identity.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Signs HS256 tokens with the published dev secret, exactly as the platform would sign real ones. It signs with
 * Nimbus directly: Spring's encoder turns the issuer into a URL on every token, throwing and catching when it is
 * a plain name as the dev issuer is, and looks its key up anew each time; a burst of logins paid for both.
 */
@Component
@ConditionalOnProperty(name = "chat.identity.dev-mode", havingValue = "true", matchIfMissing = true)
class DevTokenIssuer {

    private static final JWSHeader HEADER = new JWSHeader(JWSAlgorithm.HS256);

    private final IdentityProperties properties;
    private final MACSigner signer;
    private final Clock clock;

    DevTokenIssuer(IdentityProperties properties, Clock clock) throws JOSEException {
        this.properties = properties;
        this.signer = new MACSigner(JwtConfig.secretKey(properties));
        this.clock = clock;
    }

    String issue(NewProfile profile) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(properties.effectiveIssuer())
                .audience(List.of(properties.audience()))
                .subject(profile.id())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.devTokenTtl())))
                .claim("roles", Role.wireNames(profile.roles()));
        if (profile.name() != null) {
            claims.claim("name", profile.name());
        }
        if (profile.email() != null) {
            claims.claim("email", profile.email());
        }
        SignedJWT token = new SignedJWT(HEADER, claims.build());
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("the dev secret cannot sign HS256", e);
        }
        return token.serialize();
    }
}
