package com.sudamall.chat.bus;

import java.util.Collection;
import java.util.Set;

/**
 * Who is connected, across every node: each user's open sockets are counted per node, so a user is online while any
 * node holds a socket of theirs.
 */
public interface Presence {

    /** Counts one more socket of the user on this node; true when it is their first anywhere (they came online). */
    boolean connected(String userId);

    /** Counts one socket of the user less on this node; true when it was their last anywhere (they went offline). */
    boolean disconnected(String userId);

    /** Those of the users who have a socket open on some node. */
    Set<String> online(Collection<String> userIds);
}
