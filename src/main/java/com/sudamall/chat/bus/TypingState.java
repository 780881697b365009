package com.sudamall.chat.bus;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is typing where, across every node, so a socket that opens can be told. Entries expire on their own: a typing
 * indicator is never worth keeping past its timeout, even if the node that set it dies.
 */
public interface TypingState {

    void started(UUID roomId, String userId, Duration timeout);

    void stopped(UUID roomId, String userId);

    /** The users typing now in each of the rooms; rooms where no one is are left out. */
    Map<UUID, Set<String>> typingIn(Collection<UUID> roomIds);
}
