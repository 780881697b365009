package com.sudamall.chat.notification.internal;

import com.interaso.webpush.WebPush;
import com.sudamall.chat.notification.internal.MissedMessages.RoomUnread;
import com.sudamall.chat.notification.internal.PushRepository.Subscription;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes a missed-message alert to every browser the user subscribed, one notification per room, after the scan's
 * transaction commits. The payload is encrypted for each browser (RFC 8291) and the request signed with our VAPID key
 * (RFC 8292). A push service that says the subscription is gone (404, 410) loses it; one that fails for now (429,
 * 5xx, no answer) makes this throw, and the event publication registry retries the alert. A retry pushes the rooms
 * again to browsers that had them already; the room is the notification's tag and the request's {@code Topic}, so
 * the newer replaces the older, on the device and at the push service.
 */
@Component
class PushSender {

    private static final Logger log = LoggerFactory.getLogger(PushSender.class);
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final PushKeys keys;
    private final PushRepository subscriptions;
    private final PushProperties properties;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final HttpClient client;

    PushSender(
            PushKeys keys,
            PushRepository subscriptions,
            PushProperties properties,
            JsonMapper json,
            MeterRegistry meters,
            Clock clock) {
        this.keys = keys;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Async
    @TransactionalEventListener
    void on(BrowserAlert browserAlert) {
        MissedMessages alert = browserAlert.alert();
        Optional<WebPush> push = keys.webPush();
        if (push.isEmpty()) {
            return;
        }
        List<Subscription> browsers = subscriptions.ofUser(alert.user().id());
        int failed = 0;
        for (Subscription browser : browsers) {
            for (RoomUnread room : alert.rooms()) {
                Outcome outcome = send(push.get(), browser, PushPayload.of(room));
                meters.counter("chat.push.sent", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                        .increment();
                if (outcome == Outcome.EXPIRED) {
                    subscriptions.delete(browser.id());
                    break;
                }
                if (outcome == Outcome.DELIVERED) {
                    subscriptions.pushed(browser.id(), clock.instant());
                } else if (outcome == Outcome.FAILED) {
                    // its push service is down or busy: the retry brings this browser every room again
                    failed++;
                    break;
                }
            }
        }
        if (failed > 0) {
            throw new PushFailedException(alert, failed);
        }
    }

    /** What became of one push. */
    enum Outcome {
        DELIVERED,
        /** The browser unsubscribed or the push service forgot it: the subscription goes. */
        EXPIRED,
        /** Refused for good (a bad request, a key the push service does not accept): not retried. */
        REJECTED,
        /** Not taken for now: the alert is retried. */
        FAILED
    }

    private Outcome send(WebPush push, Subscription browser, PushPayload payload) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.endpoint()))
                .timeout(properties.timeout())
                .POST(HttpRequest.BodyPublishers.ofByteArray(push.getBody(
                        payload.json(json), BASE64URL.decode(browser.p256dh()), BASE64URL.decode(browser.auth()))));
        push.getHeaders(browser.endpoint(), (int) properties.ttl().toSeconds(), payload.topic(), WebPush.Urgency.Normal)
                .forEach(request::header);
        int status;
        try {
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            log.debug("Push to {} failed: {}", browser.id(), e.toString());
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.FAILED;
        }
        return outcome(status, browser);
    }

    private static Outcome outcome(int status, Subscription browser) {
        if (status >= 200 && status <= 299) {
            return Outcome.DELIVERED;
        }
        if (status == 404 || status == 410) {
            return Outcome.EXPIRED;
        }
        if (status == 429 || status >= 500) {
            return Outcome.FAILED;
        }
        log.warn("Push service refused an alert for subscription {} with HTTP {}", browser.id(), status);
        return Outcome.REJECTED;
    }

    /** Some pushes did not get through for now; the registry keeps the alert for a retry. */
    static final class PushFailedException extends RuntimeException {

        PushFailedException(MissedMessages alert, int failed) {
            super("Push of alert " + alert.alertId() + ": " + failed + " pushes failed for now", null, false, false);
        }
    }
}
