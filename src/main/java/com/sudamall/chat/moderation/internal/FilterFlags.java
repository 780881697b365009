package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageEdited;
import com.sudamall.chat.message.MessageSent;
import com.sudamall.chat.moderation.MessageFlagged;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts what the content filters flagged, and what a pre-moderated room holds for approval, in the moderation queue,
 * in the transaction that stores the message: an open flag with source {@code filter} or {@code premoderation} (or
 * the message's open flag, if reporters got there first).
 */
@Component
class FilterFlags {

    private final FlagRepository flags;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FilterFlags(FlagRepository flags, ApplicationEventPublisher events, Clock clock) {
        this.flags = flags;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(MessageSent event) {
        if (event.message().seq() == null) {
            open(event.message(), "Held for approval in a moderated room", "premoderation");
        } else if (event.flagReason() != null) {
            open(event.message(), event.flagReason(), "filter");
        }
    }

    @EventListener
    void on(MessageEdited event) {
        if (event.flagReason() != null) {
            open(event.message(), event.flagReason(), "filter");
        }
    }

    private void open(Message message, String reason, String source) {
        if (flags.findOpen(message.id()).isPresent()) {
            return;
        }
        UUID flagId = flags.insertOpen(message.id(), message.roomId(), reason, source, Timestamps.now(clock));
        events.publishEvent(new MessageFlagged(flagId, message.id(), message.roomId(), null, source));
    }
}
