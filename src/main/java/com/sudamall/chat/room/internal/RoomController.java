package com.sudamall.chat.room.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.room.ConversationStatus;
import com.sudamall.chat.room.CreateRoom;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomFilter;
import com.sudamall.chat.room.RoomListing;
import com.sudamall.chat.room.RoomParticipants;
import com.sudamall.chat.room.RoomService;
import com.sudamall.chat.room.RoomType;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Paging;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/chat/rooms/}: the seed's ChatRoomViewSet plus settings and participants. */
@RestController
@RequestMapping("/api/chat/rooms")
@Tag(name = "rooms")
class RoomController {

    private final RoomService rooms;
    private final RoomAccess access;
    private final RoomRepresentation representation;
    private final RoomParticipants participants;
    private final RoomListing listing;
    private final RoomEdits edits;

    RoomController(
            RoomService rooms,
            RoomAccess access,
            RoomRepresentation representation,
            RoomParticipants participants,
            RoomListing listing,
            RoomEdits edits) {
        this.rooms = rooms;
        this.listing = listing;
        this.edits = edits;
        this.participants = participants;
        this.access = access;
        this.representation = representation;
    }

    record RoomList(List<RoomJson> results, @Nullable String nextCursor) {}

    @Operation(summary = "My active rooms, newest activity first; a store desk's inbox with the conversation filters")
    @GetMapping
    RoomList list(
            CurrentUser user,
            @RequestParam(name = "room_type", required = false) @Nullable String roomType,
            @Parameter(description = "open, pending, snoozed or resolved: conversations only")
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @Parameter(description = "me, none, or a user id: conversations only")
                    @RequestParam(required = false)
                    @Nullable
                    String assignee,
            @Parameter(description = "a label: conversations only") @RequestParam(required = false) @Nullable
                    String label,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        RoomFilter filter = new RoomFilter(
                roomType == null || roomType.isBlank() ? null : RoomType.parse(roomType),
                status == null || status.isBlank() ? null : ConversationStatus.parse(status, "status"),
                "none".equals(assignee),
                assignee == null || assignee.isBlank() || "none".equals(assignee)
                        ? null
                        : "me".equals(assignee) ? user.id() : assignee,
                label == null || label.isBlank() ? null : label.strip().toLowerCase(Locale.ROOT));
        RoomListing.RoomPage page = listing.list(user, filter, cursor, Paging.limit(limit, "limit", 20, 100));
        return new RoomList(representation.render(page.rooms(), user.id()), page.nextCursor());
    }

    record CreateRoomBody(
            @Nullable List<String> participants,
            @Nullable String roomType,
            @Nullable String store,
            @Nullable String product,
            @Nullable String name,
            @Nullable Integer maxParticipants) {}

    @Operation(summary = "Open a room (201), or get the existing customer-store room of this customer and store (200)")
    @Problems({ErrorCode.BLOCKED, ErrorCode.ROOM_FULL, ErrorCode.RATE_LIMITED, ErrorCode.FORBIDDEN})
    @ApiResponse(responseCode = "201", description = "A new room", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "The customer's open room with this store",
            useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<RoomJson> create(CurrentUser user, @RequestBody CreateRoomBody body) {
        List<String> participants = body.participants() == null ? List.of() : body.participants();
        if (participants.stream().anyMatch(p -> p == null)) {
            throw ChatException.invalid("participants", "must be a list of user ids");
        }
        RoomType type = body.roomType() == null ? RoomType.PRIVATE : RoomType.parse(body.roomType());
        RoomService.Opened opened = rooms.create(
                user,
                new CreateRoom(participants, type, body.store(), body.product(), body.name(), body.maxParticipants()));
        return ResponseEntity.status(opened.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(representation.render(opened.room(), user.id()));
    }

    @GetMapping("/{roomId}")
    RoomJson detail(CurrentUser user, @PathVariable UUID roomId) {
        return representation.render(access.requireVisible(user, roomId), user.id());
    }

    @Operation(
            summary = "Rename a room, change its settings (owners and moderators) or, in a conversation, its status,"
                    + " assignee and labels (the team that answers it)")
    @Problems({ErrorCode.FORBIDDEN})
    @PatchMapping("/{roomId}")
    RoomJson update(CurrentUser user, @PathVariable UUID roomId, @RequestBody RoomPatch body) {
        Room room = edits.apply(user, roomId, body.settings(), body.conversation());
        return representation.render(room, user.id());
    }

    @Operation(summary = "Mute the room for me: no missed-message alerts from it")
    @PostMapping("/{roomId}/mute")
    RoomJson mute(CurrentUser user, @PathVariable UUID roomId) {
        return representation.render(rooms.setMuted(user, roomId, true), user.id());
    }

    @Operation(summary = "Unmute the room for me")
    @DeleteMapping("/{roomId}/mute")
    RoomJson unmute(CurrentUser user, @PathVariable UUID roomId) {
        return representation.render(rooms.setMuted(user, roomId, false), user.id());
    }

    record AddParticipantBody(@Nullable String user) {}

    @Problems({ErrorCode.FORBIDDEN, ErrorCode.ROOM_FULL, ErrorCode.ROOM_INACTIVE, ErrorCode.BLOCKED})
    @PostMapping("/{roomId}/participants")
    @ResponseStatus(HttpStatus.CREATED)
    RoomJson addParticipant(CurrentUser user, @PathVariable UUID roomId, @RequestBody AddParticipantBody body) {
        if (body.user() == null) {
            throw ChatException.invalid("user", "is required");
        }
        return representation.render(participants.addParticipant(user, roomId, body.user()), user.id());
    }

    @Problems({ErrorCode.FORBIDDEN})
    @ApiResponse(responseCode = "204", description = "Removed, or left")
    @DeleteMapping("/{roomId}/participants/{userId}")
    ResponseEntity<Void> removeParticipant(CurrentUser user, @PathVariable UUID roomId, @PathVariable String userId) {
        participants.removeParticipant(user, roomId, userId);
        return ResponseEntity.noContent().build();
    }
}
