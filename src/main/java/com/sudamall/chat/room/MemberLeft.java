package com.sudamall.chat.room;

import java.util.List;
import java.util.UUID;

/**
 * A participant left or was removed.
 *
 * @param roomId the room
 * @param roomName its name
 * @param userId the former participant
 * @param remainingIds who is still in the room
 */
public record MemberLeft(UUID roomId, String roomName, String userId, List<String> remainingIds) {}
