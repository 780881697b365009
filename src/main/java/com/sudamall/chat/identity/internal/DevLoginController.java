package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.NewProfile;
import com.sudamall.chat.identity.Role;
import com.sudamall.chat.identity.SocketCookie;
import com.sudamall.chat.identity.UserProfile;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.web.ChatException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/dev-login}: a token for any user id, in dev mode only (the bean does not exist otherwise). */
@RestController
@Tag(name = "auth")
@ConditionalOnProperty(name = "chat.identity.dev-mode", havingValue = "true", matchIfMissing = true)
class DevLoginController {

    private final UserService users;
    private final DevTokenIssuer tokens;
    private final ProfileSync profileSync;
    private final ProfileCache profileCache;

    DevLoginController(UserService users, DevTokenIssuer tokens, ProfileSync profileSync, ProfileCache profileCache) {
        this.users = users;
        this.tokens = tokens;
        this.profileSync = profileSync;
        this.profileCache = profileCache;
    }

    record DevLogin(
            @Nullable String userId,
            @Nullable String name,
            @Nullable String email,
            @Nullable List<String> roles) {}

    record LoggedIn(String token, LoggedInUser user) {}

    record LoggedInUser(
            String id,
            String name,
            @Nullable String avatarUrl,
            @Nullable String email,
            List<String> roles) {}

    @Operation(summary = "Dev mode only: a signed token for any user id")
    @PostMapping("/api/auth/dev-login")
    ResponseEntity<LoggedIn> login(@RequestBody DevLogin body, HttpServletRequest request) {
        if (body.userId() == null || body.userId().isBlank()) {
            throw ChatException.invalid("user_id", "is required");
        }
        UserService.requireValidId(body.userId(), "user_id");
        // What the body leaves out keeps its stored value, so logging in as a demo user keeps their name.
        Optional<UserProfile> known = users.find(body.userId());
        NewProfile profile = new NewProfile(
                body.userId(),
                body.name() != null ? body.name() : known.map(UserProfile::name).orElse(null),
                body.email() != null
                        ? body.email()
                        : known.map(UserProfile::email).orElse(null),
                known.map(UserProfile::avatarUrl).orElse(null),
                body.roles() != null
                        ? Role.parse(body.roles())
                        : known.map(UserProfile::roles).orElse(Set.of()));
        users.save(profile);
        profileSync.rememberIssued(profile);
        UserProfile stored = users.find(profile.id()).orElseThrow();
        // a login is usually followed by sockets: they find the profile remembered
        profileCache.remember(stored);
        List<String> roles = Role.wireNames(stored.roles());
        String token = tokens.issue(profile);
        // the socket cookie too, so a page served here can open sockets as the seed's client does
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.SET_COOKIE,
                        SocketCookie.issue(token, request.isSecure()).toString())
                .body(new LoggedIn(
                        token,
                        new LoggedInUser(
                                stored.id(), stored.card().name(), stored.avatarUrl(), stored.email(), roles)));
    }
}
