package com.sudamall.chat.identity.internal;

import com.sudamall.chat.identity.NewProfile;
import com.sudamall.chat.identity.Role;
import com.sudamall.chat.identity.UserService;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/integration/users/{id}}: the platform tells us about a user. */
@RestController
@Tag(name = "integration")
class UserSyncController {

    private final UserService users;
    private final ProfileSync profileSync;

    UserSyncController(UserService users, ProfileSync profileSync) {
        this.users = users;
        this.profileSync = profileSync;
    }

    record UserBody(
            @Nullable String name,
            @Nullable String email,
            @Nullable String avatarUrl,
            @Nullable List<String> roles) {}

    record StoredUser(
            String id,
            @Nullable String name,
            @Nullable String email,
            @Nullable String avatarUrl,
            List<String> roles) {}

    @ApiResponse(responseCode = "201", description = "A new user", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Updated", useReturnTypeSchema = true)
    @PutMapping("/api/integration/users/{id}")
    ResponseEntity<StoredUser> put(@PathVariable String id, @RequestBody UserBody body) {
        List<String> roles = body.roles() == null ? List.of() : body.roles();
        boolean created =
                users.save(new NewProfile(id, body.name(), body.email(), body.avatarUrl(), Role.parse(roles)));
        profileSync.forget(id);
        List<String> known = Role.wireNames(Role.parse(roles));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new StoredUser(id, body.name(), body.email(), body.avatarUrl(), known));
    }
}
