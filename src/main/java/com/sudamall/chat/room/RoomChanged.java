package com.sudamall.chat.room;

import java.util.UUID;

/**
 * A room's settings, activity or participants changed: whatever a node remembers about the room (the send path's
 * checks) must be read again. Published inside the changing transaction.
 *
 * @param roomId the room
 */
public record RoomChanged(UUID roomId) {}
