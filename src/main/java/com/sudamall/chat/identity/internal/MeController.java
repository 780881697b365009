package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.Role;
import com.sudamall.chat.identity.UserProfile;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.web.ChatException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/chat/me/} and {@code PATCH /api/chat/me/}: the caller's own profile and settings. */
@RestController
@Tag(name = "users")
class MeController {

    private final UserService users;

    MeController(UserService users) {
        this.users = users;
    }

    record Me(
            String id,
            String name,
            @Nullable String email,
            @Nullable String avatarUrl,
            List<String> roles,
            boolean emailAlerts) {

        static Me of(UserProfile profile) {
            return new Me(
                    profile.id(),
                    profile.card().name(),
                    profile.email(),
                    profile.avatarUrl(),
                    Role.wireNames(profile.roles()),
                    profile.emailAlerts());
        }
    }

    record Settings(@Nullable Boolean emailAlerts) {}

    @Operation(summary = "My profile and settings")
    @GetMapping("/api/chat/me")
    Me me(CurrentUser user) {
        return Me.of(users.find(user.id()).orElseThrow());
    }

    @Operation(summary = "Change my settings: email_alerts turns missed-message e-mails on or off")
    @PatchMapping("/api/chat/me")
    Me update(CurrentUser user, @RequestBody Settings settings) {
        if (settings.emailAlerts() == null) {
            throw ChatException.invalid("email_alerts", "is required");
        }
        return Me.of(users.setEmailAlerts(user.id(), settings.emailAlerts()));
    }
}
