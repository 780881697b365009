package com.sudamall.chat.message.internal;

import com.sudamall.chat.commerce.CommerceService;
import com.sudamall.chat.commerce.Store;
import com.sudamall.chat.commerce.StoreHours;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageSent;
import com.sudamall.chat.message.MessageService;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomType;
import com.sudamall.chat.web.AfterCommit;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A customer who writes to a closed store is told so once per closed period: a {@code system} message with the
 * store's auto-reply and when it opens next. Posted after the customer's message is committed, off the thread
 * that committed it (a system message is written by the same write lanes).
 */
@Component
class ClosedStoreReplies implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClosedStoreReplies.class);
    private static final DateTimeFormatter OPENING =
            DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private final CommerceService commerce;
    private final AutoReplyRepository replies;
    private final MessageService messages;
    private final Clock clock;
    private final ExecutorService posting = Executors.newVirtualThreadPerTaskExecutor();

    ClosedStoreReplies(
            CommerceService commerce, AutoReplyRepository replies, @Lazy MessageService messages, Clock clock) {
        this.commerce = commerce;
        this.replies = replies;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Runs after every commit on the write lane, so it only looks at the event there; the store is read off the
     * lane, and only for a customer-store room's customer's messages.
     */
    @EventListener
    void on(MessageSent event) {
        AfterCommit.run(() -> check(event));
    }

    private void check(MessageSent event) {
        Room room = event.room();
        Message message = event.message();
        if (message.sender() == null
                || message.seq() == null
                || message.messageType() == MessageType.SYSTEM
                || room.type() != RoomType.CUSTOMER_STORE
                || room.storeId() == null
                || !message.sender().id().equals(room.customerId())) {
            return;
        }
        String senderId = message.sender().id();
        posting.execute(() -> replyIfClosed(room, senderId));
    }

    private void replyIfClosed(Room room, String senderId) {
        try {
            Store store = commerce.findStore(room.storeId()).orElse(null);
            if (store == null || store.isStoreSide(senderId)) {
                return;
            }
            Instant now = clock.instant();
            StoreHours.Availability availability = StoreHours.at(store, now);
            String period = availability.nextOpenAt() == null
                    ? "closed"
                    : availability.nextOpenAt().toString();
            if (!availability.open() && replies.claim(room.id(), period, now)) {
                messages.postSystem(room.id(), text(store, availability));
            }
        } catch (RuntimeException e) {
            log.warn("Could not post the closed-store reply in room {}: {}", room.id(), e.getMessage());
        }
    }

    static String text(Store store, StoreHours.Availability availability) {
        String reply = store.autoReply() == null || store.autoReply().isBlank()
                ? store.name() + " is closed right now and will answer when it opens."
                : store.autoReply().strip();
        if (availability.nextOpenAt() == null) {
            return reply;
        }
        ZonedDateTime opening = availability.nextOpenAt().atZone(availability.zone());
        return reply + " We open again on " + OPENING.format(opening) + " ("
                + availability.zone().getId() + ").";
    }

    @Override
    public void destroy() {
        posting.shutdown();
    }
}
