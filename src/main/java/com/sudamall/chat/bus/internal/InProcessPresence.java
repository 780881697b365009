package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.Presence;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Presence of a single node ({@code chat.bus=in-process}): socket counts in memory. */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "in-process", matchIfMissing = true)
class InProcessPresence implements Presence {

    private final Map<String, Integer> sockets = new ConcurrentHashMap<>();

    @Override
    public long[] count(List<Count> counts) {
        long[] totals = new long[counts.size()];
        for (int i = 0; i < totals.length; i++) {
            totals[i] = apply(counts.get(i));
        }
        return totals;
    }

    private int apply(Count count) {
        Integer total = count.delta() == 0
                ? sockets.get(count.userId())
                : sockets.compute(count.userId(), (id, was) -> {
                    int now = (was == null ? 0 : was) + count.delta();
                    return now > 0 ? now : null;
                });
        return total == null ? 0 : total;
    }
}
