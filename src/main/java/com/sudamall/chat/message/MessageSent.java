package com.sudamall.chat.message;

import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.Room;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message was stored and numbered. Published inside the sending transaction; live delivery listens after commit.
 *
 * @param message the message as clients see it
 * @param senderName the sender's display name, for notifications
 * @param members the room's participants and their read cursors as the message was stored, read once for every
 *     listener (notifications, unread counts)
 * @param room the room as the send checked it (its counters may be behind)
 * @param flagReason why the content filters sent the message to the moderators, or null
 */
public record MessageSent(
        Message message,
        @Nullable String senderName,
        List<Member> members,
        Room room,
        @Nullable String flagReason) {

    public UUID roomId() {
        return message.roomId();
    }
}
