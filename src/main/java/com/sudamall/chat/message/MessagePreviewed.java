package com.sudamall.chat.message;

/**
 * A message's link preview arrived (or went, when an edit took the link out): published once it is stored, after the
 * message's own commit, so live delivery sends it straight on as a {@code preview} frame.
 *
 * @param message the message as the room sees it, with its {@code preview}
 */
public record MessagePreviewed(Message message) {}
