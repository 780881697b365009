package com.sudamall.chat.message;

/**
 * One emoji's reactions to a message, as the Message object carries them.
 *
 * @param emoji the emoji
 * @param count how many users reacted with it
 * @param me whether the reader is one of them (false in frames rendered once for a whole room: their {@code
 *     reaction} frames say who)
 */
public record Reaction(String emoji, long count, boolean me) {}
