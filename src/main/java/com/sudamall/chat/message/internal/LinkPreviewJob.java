package com.sudamall.chat.message.internal;

import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageEdited;
import com.sudamall.chat.message.MessagePreviewed;
import com.sudamall.chat.message.MessageSent;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.preview.LinkPreview;
import com.sudamall.chat.preview.LinkPreviews;
import com.sudamall.chat.web.AfterCommit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a message with a link its preview, after the send has committed and off the thread that committed it: the
 * sender's ack never waits for someone else's web server. The text looked at is what the room sees, so a link the
 * contact filter hid gets no preview. An edit that changes the first link changes the preview, or takes it away.
 */
@Component
class LinkPreviewJob implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LinkPreviewJob.class);

    private final LinkPreviews previews;
    private final ApplicationEventPublisher events;
    private final ExecutorService fetching = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("link-preview-", 0).factory());

    LinkPreviewJob(LinkPreviews previews, ApplicationEventPublisher events) {
        this.previews = previews;
        this.events = events;
    }

    @EventListener
    void on(MessageSent event) {
        Message message = event.message();
        if (previewable(message) && LinkPreviews.firstLink(message.content()).isPresent()) {
            AfterCommit.run(() -> fetching.execute(() -> preview(message)));
        }
    }

    @EventListener
    void on(MessageEdited event) {
        Message message = event.message();
        String before = message.preview() == null ? null : message.preview().url();
        String after = LinkPreviews.firstLink(message.content()).orElse(null);
        if (previewable(message) && !Objects.equals(before, after)) {
            AfterCommit.run(() -> fetching.execute(() -> preview(message)));
        }
    }

    /** Numbered (not held), not deleted, written by a participant: system messages carry no outside links. */
    private boolean previewable(Message message) {
        return previews.enabled()
                && message.seq() != null
                && !message.isDeleted()
                && message.messageType() != MessageType.SYSTEM;
    }

    private void preview(Message message) {
        try {
            Optional<LinkPreview> card = previews.attach(message.id(), message.content());
            if (card.isPresent() || message.preview() != null) {
                events.publishEvent(new MessagePreviewed(message.withPreview(card.orElse(null))));
            }
        } catch (RuntimeException e) {
            log.warn("no preview for message {}: {}", message.id(), e.toString());
        }
    }

    @Override
    public void destroy() {
        fetching.shutdownNow();
    }
}
