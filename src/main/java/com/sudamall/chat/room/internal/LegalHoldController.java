package com.sudamall.chat.room.internal;

import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomService;
import com.sudamall.chat.web.ChatException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code PUT /api/integration/rooms/{room_id}/legal_hold/}: the platform holds a room's history against retention. */
@RestController
@Tag(name = "integration")
class LegalHoldController {

    private final RoomService rooms;

    LegalHoldController(RoomService rooms) {
        this.rooms = rooms;
    }

    record LegalHoldBody(@Nullable Boolean legalHold) {}

    record LegalHold(UUID roomId, boolean legalHold) {}

    @Operation(summary = "Put a room under legal hold (retention never deletes from it) or lift the hold")
    @PutMapping("/api/integration/rooms/{roomId}/legal_hold")
    LegalHold put(@PathVariable UUID roomId, @RequestBody LegalHoldBody body) {
        if (body.legalHold() == null) {
            throw ChatException.invalid("legal_hold", "true or false");
        }
        Room room = rooms.setLegalHold(roomId, body.legalHold());
        return new LegalHold(room.id(), room.legalHold());
    }
}
