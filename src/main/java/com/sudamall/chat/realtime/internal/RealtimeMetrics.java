package com.sudamall.chat.realtime.internal;

import com.sudamall.chat.bus.BusEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * What operators watch on a node's sockets: how many are open, on how many channels it listens, how many were too
 * slow, and how long messages take to reach them.
 */
@Component
class RealtimeMetrics {

    private final Timer fanout;

    RealtimeMetrics(MeterRegistry meters, SessionRegistry sessions) {
        fanout = Timer.builder("chat.fanout.latency")
                .description("from a message's publication to its frame queued on every local socket of its room")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
        Gauge.builder("chat.sockets.open", sessions, SessionRegistry::count)
                .description("open WebSocket connections on this node")
                .register(meters);
        Gauge.builder("chat.bus.channels", sessions, s -> s.channels().size())
                .description("bus channels this node is subscribed to")
                .register(meters);
        FunctionCounter.builder("chat.sockets.closed.slow", SocketWriter.class, w -> SocketWriter.slowCloses())
                .description("sockets closed because they read too slowly (queue overflow or a stuck write)")
                .register(meters);
    }

    /** A message event has been handed to this node's sockets. */
    void fannedOut(BusEvent event) {
        if (event.publishedAt() > 0) {
            fanout.record(Math.max(0, System.currentTimeMillis() - event.publishedAt()), TimeUnit.MILLISECONDS);
        }
    }
}
