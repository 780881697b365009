package com.sudamall.chat.identity.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import com.sudamall.chat.identity.NewProfile;
import com.sudamall.chat.identity.Role;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs HS256 tokens with the published dev secret, exactly as the platform would sign real ones. */
@Component
@ConditionalOnProperty(name = "chat.identity.dev-mode", havingValue = "true", matchIfMissing = true)
class DevTokenIssuer {

    private final IdentityProperties properties;
    private final JwtEncoder encoder;
    private final Clock clock;

    DevTokenIssuer(IdentityProperties properties, Clock clock) {
        this.properties = properties;
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(JwtConfig.secretKey(properties)));
        this.clock = clock;
    }

    String issue(NewProfile profile) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.effectiveIssuer())
                .audience(java.util.List.of(properties.audience()))
                .subject(profile.id())
                .issuedAt(now)
                .expiresAt(now.plus(properties.devTokenTtl()))
                .claim("roles", Role.wireNames(profile.roles()));
        if (profile.name() != null) {
            claims.claim("name", profile.name());
        }
        if (profile.email() != null) {
            claims.claim("email", profile.email());
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
