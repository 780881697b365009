package com.sudamall.chat.identity;

import com.sudamall.chat.identity.internal.ProfileSync;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;

/** Verifies a token that did not come in an {@code Authorization} header, such as a WebSocket's {@code ?token=}. */
@Service
public class TokenVerifier {

    private final JwtDecoder decoder;
    private final ProfileSync profiles;

    TokenVerifier(JwtDecoder decoder, ProfileSync profiles) {
        this.decoder = decoder;
        this.profiles = profiles;
    }

    /** The user the token names, when it is valid (signature, expiry, issuer, audience); empty otherwise. */
    public Optional<CurrentUser> verify(String token) {
        try {
            return Optional.of(profiles.sync(decoder.decode(token)));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
