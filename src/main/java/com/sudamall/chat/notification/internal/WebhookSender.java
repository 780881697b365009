package com.sudamall.chat.notification.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * POSTs webhooks to the platform, signed, after the transaction that caused them commits. A delivery that fails
 * (no connection, a timeout, any status but 2xx) throws, which leaves its publication failed in the registry for
 * {@link OutboxRetry}. Deliveries run on their own virtual threads, so a slow receiver never holds up a send, and
 * without a transaction, so they hold no database connection while they wait.
 */
@Component
class WebhookSender {

    private final WebhookProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient client;

    WebhookSender(WebhookProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Async
    @TransactionalEventListener
    void on(WebhookDelivery delivery) {
        if (!properties.enabled()) {
            return;
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "sudamall-chat-webhooks")
                .header("X-Chat-Event", delivery.type())
                .header("X-Chat-Delivery", delivery.id().toString())
                .header("X-Chat-Timestamp", Long.toString(timestamp))
                .header(
                        "X-Chat-Signature",
                        WebhookSignature.sign(
                                properties.secret() == null ? "" : properties.secret(), timestamp, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        int status;
        try {
            status =
                    client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            failed();
            throw new WebhookFailedException(delivery, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookFailedException(delivery, "interrupted");
        }
        if (status < 200 || status > 299) {
            failed();
            throw new WebhookFailedException(delivery, "HTTP " + status);
        }
        meters.counter("chat.webhooks.deliveries", "outcome", "delivered").increment();
    }

    private void failed() {
        meters.counter("chat.webhooks.deliveries", "outcome", "failed").increment();
    }

    /** A delivery that did not reach the platform; the registry keeps it for a retry. */
    static final class WebhookFailedException extends RuntimeException {

        WebhookFailedException(WebhookDelivery delivery, String why) {
            super("Webhook " + delivery.type() + " " + delivery.id() + " failed: " + why, null, false, false);
        }
    }
}
