package com.sudamall.chat.notification.internal;

import com.sudamall.chat.identity.CurrentUser;
import com.sudamall.chat.notification.internal.PushRepository.Subscription;
import com.sudamall.chat.notification.internal.PushSubscriptions.Keys;
import com.sudamall.chat.notification.internal.PushSubscriptions.Saved;
import com.sudamall.chat.web.ErrorCode;
import com.sudamall.chat.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/chat/push/}: the key browsers subscribe with, and the signed-in user's subscribed browsers. */
@RestController
@RequestMapping("/api/chat/push")
@Tag(name = "push")
class PushController {

    private final PushSubscriptions subscriptions;

    PushController(PushSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** @param publicKey the VAPID public key, base64url: {@code applicationServerKey} of {@code subscribe()} */
    record ServerKey(String publicKey) {}

    /** A browser's {@code PushSubscription.toJSON()}. */
    record SubscribeBody(
            @Nullable String endpoint,
            @Nullable Long expirationTime,
            @Nullable Keys keys) {}

    /**
     * @param id the subscription
     * @param endpoint the browser's push service URL
     * @param userAgent the browser, as it named itself
     * @param createdAt when it subscribed
     * @param lastPushedAt when an alert last reached its push service
     */
    record SubscriptionJson(
            UUID id,
            String endpoint,
            @Nullable String userAgent,
            Instant createdAt,
            @Nullable Instant lastPushedAt) {

        static SubscriptionJson of(Subscription subscription) {
            return new SubscriptionJson(
                    subscription.id(),
                    subscription.endpoint(),
                    subscription.userAgent(),
                    subscription.createdAt(),
                    subscription.lastPushedAt());
        }
    }

    @Operation(summary = "The VAPID public key to subscribe a browser with (404 when this service does not push)")
    @Problems({ErrorCode.NOT_FOUND})
    @GetMapping("/key")
    ServerKey key(CurrentUser user) {
        return new ServerKey(subscriptions.applicationServerKey());
    }

    @Operation(summary = "My subscribed browsers")
    @GetMapping("/subscriptions")
    List<SubscriptionJson> list(CurrentUser user) {
        return subscriptions.of(user.id()).stream().map(SubscriptionJson::of).toList();
    }

    @Operation(summary = "Subscribe this browser to missed-message alerts (201; 200 when it was subscribed already)")
    @Problems({ErrorCode.VALIDATION_FAILED, ErrorCode.NOT_FOUND})
    @PostMapping("/subscriptions")
    ResponseEntity<SubscriptionJson> subscribe(
            CurrentUser user,
            @RequestBody SubscribeBody body,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) @Nullable String userAgent) {
        Saved saved = subscriptions.subscribe(user.id(), body.endpoint(), body.keys(), userAgent);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SubscriptionJson.of(saved.subscription()));
    }

    @Operation(summary = "Unsubscribe one of my browsers")
    @Problems({ErrorCode.NOT_FOUND})
    @DeleteMapping("/subscriptions/{id}")
    ResponseEntity<Void> unsubscribe(CurrentUser user, @PathVariable UUID id) {
        subscriptions.unsubscribe(user.id(), id);
        return ResponseEntity.noContent().build();
    }
}
