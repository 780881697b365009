package com.sudamall.chat.notification.internal;

import com.sudamall.chat.desk.ConversationRated;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageSent;
import com.sudamall.chat.message.MessageType;
import com.sudamall.chat.moderation.MessageFlagged;
import com.sudamall.chat.room.ConversationChanged;
import com.sudamall.chat.room.ConversationStatus;
import com.sudamall.chat.room.Member;
import com.sudamall.chat.room.Room;
import com.sudamall.chat.room.RoomAccess;
import com.sudamall.chat.room.RoomCreated;
import com.sudamall.chat.room.RoomType;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what happens in the chat into webhooks for the platform, inside the transaction that made it happen: the
 * {@link WebhookDelivery} is stored by the event publication registry with the message, room or flag, or not at
 * all. Nothing is written while webhooks are off.
 */
@Component
class WebhookEvents {

    private final WebhookProperties properties;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final RoomAccess rooms;
    private final Clock clock;

    WebhookEvents(
            WebhookProperties properties,
            ApplicationEventPublisher events,
            JsonMapper json,
            RoomAccess rooms,
            Clock clock) {
        this.properties = properties;
        this.events = events;
        this.json = json;
        this.rooms = rooms;
        this.clock = clock;
    }

    /** The envelope every webhook body has. */
    record Envelope(UUID id, String type, Instant createdAt, Object data) {}

    record MessageCreated(
            Message message, RoomType roomType, @Nullable String store, List<String> participants) {}

    record Flagged(
            UUID flagId,
            UUID messageId,
            UUID roomId,
            @Nullable String reporter,
            String source) {}

    record RoomOpened(
            UUID roomId,
            String name,
            RoomType roomType,
            @Nullable String store,
            @Nullable String product,
            @Nullable String customer,
            List<String> participants,
            @Nullable String createdBy) {}

    record StatusChanged(
            UUID roomId,
            @Nullable String store,
            ConversationStatus from,
            ConversationStatus to,
            @Nullable String by) {}

    record Assigned(
            UUID roomId,
            @Nullable String store,
            @Nullable String assignee,
            @Nullable String previousAssignee,
            @Nullable String by) {}

    /** Messages others can see; a message held for moderation is reported once approved (it then has a seq). */
    @EventListener
    void on(MessageSent event) {
        // a note is the team's own: the platform hears of what the conversation's two sides said to each other
        if (!properties.enabled()
                || event.message().seq() == null
                || event.message().messageType() == MessageType.NOTE) {
            return;
        }
        Room room = event.room();
        List<String> participants = event.members().stream().map(Member::userId).toList();
        publish("message.created", new MessageCreated(event.message(), room.type(), room.storeId(), participants));
    }

    @EventListener
    void on(MessageFlagged event) {
        if (properties.enabled()) {
            publish(
                    "message.flagged",
                    new Flagged(event.flagId(), event.messageId(), event.roomId(), event.reporterId(), event.source()));
        }
    }

    @EventListener
    void on(RoomCreated event) {
        if (!properties.enabled()) {
            return;
        }
        Room room = rooms.require(event.roomId());
        publish(
                "room.created",
                new RoomOpened(
                        room.id(),
                        room.name(),
                        room.type(),
                        room.storeId(),
                        room.productId(),
                        room.customerId(),
                        event.participantIds(),
                        event.createdBy()));
    }

    /** A conversation's new status or assignee; {@code by} is null when the service changed it (a snooze ran out). */
    @EventListener
    void on(ConversationChanged event) {
        if (!properties.enabled()) {
            return;
        }
        if (event.statusChanged()) {
            publish(
                    "conversation.status_changed",
                    new StatusChanged(
                            event.roomId(), event.storeId(), event.fromStatus(), event.status(), event.actorId()));
        }
        if (event.assigneeChanged()) {
            publish(
                    "conversation.assigned",
                    new Assigned(
                            event.roomId(),
                            event.storeId(),
                            event.assigneeId(),
                            event.fromAssigneeId(),
                            event.actorId()));
        }
    }

    record Rated(
            UUID roomId,
            @Nullable String store,
            String customer,
            int rating,
            @Nullable String comment) {}

    @EventListener
    void on(ConversationRated event) {
        if (properties.enabled()) {
            publish(
                    "conversation.rated",
                    new Rated(event.roomId(), event.storeId(), event.customerId(), event.rating(), event.comment()));
        }
    }

    /** {@code notification.missed}, for the platform's SMS or push; the caller's transaction stores it. */
    void missed(MissedMessages alert) {
        if (properties.enabled()) {
            publish("notification.missed", alert);
        }
    }

    private void publish(String type, Object data) {
        UUID id = UUID.randomUUID();
        String body = json.writeValueAsString(new Envelope(id, type, Timestamps.now(clock), data));
        events.publishEvent(new WebhookDelivery(id, type, body));
    }
}
