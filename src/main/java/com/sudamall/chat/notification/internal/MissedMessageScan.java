package com.sudamall.chat.notification.internal;

import com.sudamall.chat.bus.Presence;
import com.sudamall.chat.identity.UserService;
import com.sudamall.chat.message.Mentions;
import com.sudamall.chat.message.Message;
import com.sudamall.chat.message.MessageHistory;
import com.sudamall.chat.notification.internal.AlertRepository.UnreadRoom;
import com.sudamall.chat.notification.internal.MissedMessages.Preview;
import com.sudamall.chat.notification.internal.MissedMessages.Recipient;
import com.sudamall.chat.notification.internal.MissedMessages.RoomUnread;
import com.sudamall.chat.room.RoomTitles;
import com.sudamall.chat.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds users who have had unread messages for {@code chat.alerts.delay} with no socket open anywhere, and alerts
 * each at most once per {@code chat.alerts.min-interval}. The claim on the user's interval and the alert itself are
 * written in one transaction, the alert through the event publication registry: once claimed, it is sent, even
 * across a crash, and no other node sends it too.
 */
@Component
class MissedMessageScan {

    private static final Logger log = LoggerFactory.getLogger(MissedMessageScan.class);
    private static final int PAGE = 1000;
    private static final int MAX_PAGES = 50;

    private final AlertRepository alerts;
    private final AlertProperties properties;
    private final WebhookProperties webhooks;
    private final WebhookEvents webhookEvents;
    private final ObjectProvider<JavaMailSender> mail;
    private final Presence presence;
    private final UserService users;
    private final MessageHistory history;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RoomTitles titles;
    private final Mentions mentions;
    private final PushKeys push;

    MissedMessageScan(
            AlertRepository alerts,
            AlertProperties properties,
            WebhookProperties webhooks,
            WebhookEvents webhookEvents,
            ObjectProvider<JavaMailSender> mail,
            Presence presence,
            UserService users,
            MessageHistory history,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            RoomTitles titles,
            Mentions mentions,
            PushKeys push) {
        this.mentions = mentions;
        this.push = push;
        this.alerts = alerts;
        this.properties = properties;
        this.webhooks = webhooks;
        this.webhookEvents = webhookEvents;
        this.mail = mail;
        this.presence = presence;
        this.users = users;
        this.history = history;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.titles = titles;
    }

    @Scheduled(
            fixedDelayString = "${chat.alerts.scan-interval:1m}",
            initialDelayString = "${chat.alerts.scan-interval:1m}")
    void scan() {
        boolean email = mail.getIfAvailable() != null;
        boolean browsers = push.pushes();
        if (!properties.enabled() || !email && !browsers && !webhooks.enabled()) {
            return;
        }
        Instant now = Timestamps.now(clock);
        Instant alertedBefore = now.minus(properties.minInterval());
        int alerted = 0;
        String afterUser = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            List<UnreadRoom> rows = alerts.unreadRooms(
                    now.minus(properties.lookback()),
                    now.minus(properties.delay()),
                    alertedBefore,
                    webhooks.enabled(),
                    email,
                    browsers,
                    afterUser,
                    PAGE);
            Map<String, List<UnreadRoom>> byUser = rows.stream()
                    .collect(Collectors.groupingBy(UnreadRoom::userId, LinkedHashMap::new, Collectors.toList()));
            boolean more = rows.size() == PAGE;
            if (more && byUser.size() > 1) {
                // the last user may go on in the next page: they are read whole there
                byUser.remove(rows.getLast().userId());
            }
            if (byUser.isEmpty()) {
                break;
            }
            Set<String> online = presence.online(byUser.keySet());
            for (Map.Entry<String, List<UnreadRoom>> user : byUser.entrySet()) {
                if (!online.contains(user.getKey()) && alert(user.getValue(), now, alertedBefore)) {
                    alerted++;
                }
            }
            if (!more) {
                break;
            }
            afterUser = byUser.keySet().stream().reduce((first, last) -> last).orElseThrow();
        }
        if (alerted > 0) {
            log.info("Missed-message alerts: {} users", alerted);
        }
    }

    private boolean alert(List<UnreadRoom> rooms, Instant now, Instant alertedBefore) {
        UnreadRoom first = rooms.getFirst();
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            if (!users.claimAlert(first.userId(), now, alertedBefore)) {
                return false;
            }
            List<RoomUnread> summaries = rooms.stream().map(this::summary).toList();
            MissedMessages alert = new MissedMessages(
                    UUID.randomUUID(),
                    new Recipient(first.userId(), first.name(), first.email(), first.emailAlerts()),
                    summaries.stream().mapToLong(RoomUnread::unread).sum(),
                    summaries);
            rooms.forEach(room -> alerts.markAlerted(room.roomId(), room.userId(), room.lastSeq()));
            events.publishEvent(alert);
            if (push.pushes()) {
                events.publishEvent(new BrowserAlert(alert));
            }
            webhookEvents.missed(alert);
            return true;
        }));
    }

    private RoomUnread summary(UnreadRoom room) {
        List<Preview> latest =
                history.unreadTail(room.roomId(), room.userId(), room.lastReadSeq(), properties.previews()).stream()
                        .map(MissedMessageScan::preview)
                        .toList();
        String title = titles.titleFor(room.roomId(), room.userId());
        long unread = history.unreadBetween(room.roomId(), room.userId(), room.lastReadSeq(), room.lastSeq());
        return new RoomUnread(
                room.roomId(),
                title,
                unread,
                latest,
                mentions.mentionedBy(room.roomId(), room.userId(), room.lastReadSeq()));
    }

    private static Preview preview(Message message) {
        return new Preview(
                message.id(),
                message.sender() == null ? null : message.sender().name(),
                message.content(),
                message.sentAt());
    }
}
