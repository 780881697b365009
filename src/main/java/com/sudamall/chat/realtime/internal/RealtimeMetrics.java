package com.sudamall.chat.realtime.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** What operators watch on a node's sockets: how many are open, on how many channels it listens, how many were too slow. */
@Component
class RealtimeMetrics {

    RealtimeMetrics(MeterRegistry meters, SessionRegistry sessions) {
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
}
