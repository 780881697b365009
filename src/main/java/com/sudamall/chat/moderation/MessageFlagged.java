package com.sudamall.chat.moderation;

import java.util.UUID;

/**
 * A message was reported.
 *
 * @param flagId the open flag
 * @param messageId the message
 * @param roomId its room
 * @param reporterId who reported it
 */
public record MessageFlagged(UUID flagId, UUID messageId, UUID roomId, String reporterId) {}
