package com.sudamall.chat.message;

/**
 * A message's text was changed.
 *
 * @param message the message after the edit
 */
public record MessageEdited(Message message) {}
