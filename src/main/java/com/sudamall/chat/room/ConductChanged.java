package com.sudamall.chat.room;

/**
 * A user's blocks or mute changed: every node forgets what it remembers of that user's {@link Conduct} checks.
 * Published inside the changing transaction.
 *
 * @param userId the user whose sends are checked differently now (the muted or blocked one)
 */
public record ConductChanged(String userId) {}
