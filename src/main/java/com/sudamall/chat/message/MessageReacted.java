package com.sudamall.chat.message;

import java.util.List;
import java.util.UUID;

/**
 * A user reacted to a message, or took a reaction back; published inside the reacting transaction.
 *
 * @param roomId the message's room
 * @param messageId the message
 * @param userId who reacted
 * @param emoji with what
 * @param added true for a reaction given, false for one taken back
 * @param reactions the message's reactions now (none marked as anyone's: the frame goes to the whole room)
 */
public record MessageReacted(
        UUID roomId, UUID messageId, String userId, String emoji, boolean added, List<Reaction> reactions) {}
