package com.sudamall.chat.realtime.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** What operators watch on a node's sockets: how many are open, and on how many channels it listens. */
@Component
class RealtimeMetrics {

    RealtimeMetrics(MeterRegistry meters, SessionRegistry sessions) {
        Gauge.builder("chat.sockets.open", sessions, SessionRegistry::count)
                .description("open WebSocket connections on this node")
                .register(meters);
        Gauge.builder("chat.bus.channels", sessions, s -> s.channels().size())
                .description("bus channels this node is subscribed to")
                .register(meters);
    }
}
