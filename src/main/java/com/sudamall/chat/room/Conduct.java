package com.sudamall.chat.room;

import java.util.Collection;

/**
 * Who may talk to whom: blocks between users and mutes by moderators, kept by the moderation module and checked by
 * rooms (opening one) and messages (every send).
 */
public interface Conduct {

    /**
     * 403 {@code muted} while a moderator has muted the user; 403 {@code blocked} when another participant of a
     * {@code private} or {@code customer_store} room has blocked them (group rooms are unaffected).
     */
    void checkSend(String userId, Room room);

    /** 403 {@code blocked} when one of the participants of a room the user opens has blocked them. */
    void checkOpen(String userId, Collection<String> participantIds);
}
