package com.sudamall.chat.room;

import java.util.Collection;

/**
 * Who may talk to whom, and how much: blocks between users, mutes by moderators and rate limits, kept by the
 * moderation module and checked by rooms (opening one), messages (every send) and sockets (every connect).
 */
public interface Conduct {

    /**
     * 403 {@code muted} while a moderator has muted the user; 403 {@code blocked} when another participant of a
     * {@code private} or {@code customer_store} room has blocked them (group rooms are unaffected); 429 {@code
     * rate_limited} past the user's messages per second or minute.
     */
    void checkSend(String userId, Room room);

    /**
     * 403 {@code blocked} when one of the participants of a room the user opens has blocked them; 429 {@code
     * rate_limited} past the user's rooms per hour.
     */
    void checkOpen(String userId, Collection<String> participantIds);

    /** 429 {@code rate_limited} past the user's WebSocket connects per minute. */
    void checkConnect(String userId);

    /** Forgets what this node remembers of the user's blocks and mute ({@link ConductChanged} on another node). */
    void forget(String userId);

    /** Forgets what this node remembers of everyone: changes made while it was cut off from the others. */
    void forgetAll();
}
