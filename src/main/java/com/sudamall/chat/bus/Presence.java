package com.sudamall.chat.bus;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Who is connected, across every node: each user's open sockets are counted per node, so a user is online while any
 * node holds a socket of theirs. Changes come in batches, so a burst of sockets costs a round trip per batch rather
 * than one per socket.
 */
public interface Presence {

    /** One socket more ({@code +1}) or less ({@code -1}) of a user on this node; {@code 0} only reads. */
    record Count(String userId, int delta) {}

    /**
     * Applies the counts in order and returns, for each, the user's sockets on all nodes afterwards: a total of 1
     * after a {@code +1} means they came online, 0 after a {@code -1} that they went offline.
     */
    long[] count(List<Count> counts);

    /** Those of the users who have a socket open on some node. */
    default Set<String> online(Collection<String> userIds) {
        List<Count> reads = userIds.stream().map(id -> new Count(id, 0)).toList();
        long[] totals = count(reads);
        return IntStream.range(0, totals.length)
                .filter(i -> totals[i] > 0)
                .mapToObj(i -> reads.get(i).userId())
                .collect(java.util.stream.Collectors.toSet());
    }
}
