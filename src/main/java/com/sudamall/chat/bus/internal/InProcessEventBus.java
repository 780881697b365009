package com.sudamall.chat.bus.internal;

import com.sudamall.chat.bus.BusEvent;
import com.sudamall.chat.bus.Channel;
import com.sudamall.chat.bus.EventBus;
import java.util.Collection;
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

    @Override
    public void subscribe(Collection<Channel> channels) {}

    @Override
    public void unsubscribe(Channel channel) {}

    /** Events go straight to the local consumer, so there is no link to lose. */
    @Override
    public void onRecovery(Runnable task) {}
}
