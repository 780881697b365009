package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The single-node bus ({@code chat.bus=in-process}, the default): events go straight to the local consumer. */
@Component
@ConditionalOnProperty(name = "chat.bus", havingValue = "in-process", matchIfMissing = true)
class InProcessEventBus implements EventBus {

    private volatile Consumer<BusEvent> consumer = event -> {};

    @Override
    public void publish(BusEvent event) {
        consumer.accept(event);
    }

    @Override
    public void onEvent(Consumer<BusEvent> consumer) {
        this.consumer = consumer;
    }

    /** Every channel is live from the start: events go straight to the local consumer. */
    @Override
    public CompletableFuture<Void> subscribe(Collection<Channel> channels) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void unsubscribe(Channel channel) {}

    /** There is no link to lose. */
    @Override
    public void onRecovery(Consumer<Channel> task) {}
}
