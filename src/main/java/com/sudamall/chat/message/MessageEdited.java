package com.sudamall.chat.message;

import org.jspecify.annotations.Nullable;

/**
 * A message's text was changed; published inside the editing transaction.
 *
 * @param message the message after the edit, as the room's participants see it
 * @param flagReason why the content filters sent the new text to the moderators, or null
 */
public record MessageEdited(Message message, @Nullable String flagReason) {}
