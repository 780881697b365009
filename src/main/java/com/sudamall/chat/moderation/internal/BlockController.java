package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.identity.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST/DELETE /api/chat/users/{id}/block/}: a user blocks another, who then can't open a room with them or
 * send into a private or customer-store room they share; {@code GET users/blocked/} lists one's blocks.
 */
@RestController
@Tag(name = "users")
class BlockController {

    private final UserBlocks blocks;

    BlockController(UserBlocks blocks) {
        this.blocks = blocks;
    }

    record Block(User user, boolean blocked) {}

    @Operation(summary = "Block a user")
    @PostMapping("/api/chat/users/{userId}/block")
    Block block(CurrentUser user, @PathVariable String userId) {
        return new Block(blocks.block(user, userId), true);
    }

    @Operation(summary = "Unblock a user")
    @ApiResponse(responseCode = "204", description = "Unblocked")
    @DeleteMapping("/api/chat/users/{userId}/block")
    ResponseEntity<Void> unblock(CurrentUser user, @PathVariable String userId) {
        blocks.unblock(user, userId);
        return ResponseEntity.noContent().build();
    }

    record Blocked(List<User> results) {}

    @Operation(summary = "The users I have blocked")
    @GetMapping("/api/chat/users/blocked")
    Blocked blocked(CurrentUser user) {
        return new Blocked(blocks.blockedBy(user));
    }
}
