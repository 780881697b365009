package com.sudamall.chat.notification.internal;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import com.sudamall.chat.notification.internal.PushRepository.KeyPair;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service's VAPID identity: the configured key pair, or in dev mode one generated once and kept in the database
 * (a browser's subscription is bound to the public key it was made with). Outside dev mode, without keys, there is
 * no push: browsers are told so and nothing is sent.
 */
@Component
class PushKeys {

    private static final Logger log = LoggerFactory.getLogger(PushKeys.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PushProperties properties;
    private final PushRepository repository;
    private final boolean devMode;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private volatile @Nullable Optional<WebPush> webPush;

    PushKeys(
            PushProperties properties,
            PushRepository repository,
            @Value("${chat.identity.dev-mode:true}") boolean devMode,
            Clock clock,
            PlatformTransactionManager transactions) {
        // the generated pair is kept whatever becomes of the request that first needed it
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.repository = repository;
        this.devMode = devMode;
        this.clock = clock;
    }

    /** Keys read (or made) at start, so a bad configuration shows in the log at once. */
    @EventListener(ApplicationReadyEvent.class)
    void resolveAtStart() {
        try {
            webPush();
        } catch (RuntimeException e) {
            log.warn("Browser push keys not ready (tried again when needed): {}", e.toString());
        }
    }

    /** The request builder signing with our keys; empty when push is off or has no keys. */
    Optional<WebPush> webPush() {
        Optional<WebPush> known = webPush;
        if (known == null) {
            synchronized (this) {
                known = webPush;
                if (known == null) {
                    known = resolve().map(keys -> new WebPush(properties.subject(), keys));
                    webPush = known;
                }
            }
        }
        return known;
    }

    /**
     * Whether this node pushes at all, known without the database: on, with keys configured or in dev mode (which
     * makes them). For what must not wait on the database, such as the name of a lease given up at shutdown.
     */
    boolean pushes() {
        return properties.enabled() && (properties.keysConfigured() || devMode);
    }

    /** The public key browsers subscribe with ({@code applicationServerKey}), base64url. */
    Optional<String> applicationServerKey() {
        return webPush()
                .map(push -> BASE64URL.encodeToString(push.getVapidKeys().getApplicationServerKey()));
    }

    private Optional<VapidKeys> resolve() {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        if (properties.keysConfigured()) {
            return Optional.of(VapidKeys.fromUncompressedBytes(properties.publicKey(), properties.privateKey()));
        }
        if (!devMode) {
            log.info("Browser push is off: set chat.push.public-key and chat.push.private-key to turn it on");
            return Optional.empty();
        }
        KeyPair pair = ownTransaction.execute(
                tx -> repository.storedKeys().orElseGet(() -> repository.storeKeys(generated(), clock.instant())));
        return Optional.of(VapidKeys.fromUncompressedBytes(pair.publicKey(), pair.privateKey()));
    }

    private static KeyPair generated() {
        VapidKeys keys = VapidKeys.generate();
        log.info("Dev mode: generated a VAPID key pair for browser push, kept in push_keys");
        return new KeyPair(
                BASE64URL.encodeToString(keys.getApplicationServerKey()),
                BASE64URL.encodeToString(scalar(keys.getPrivateKey().getS())));
    }

    /** The private scalar as exactly 32 bytes, as VAPID tools write it. */
    private static byte[] scalar(BigInteger s) {
        byte[] bytes = s.toByteArray();
        if (bytes.length == 32) {
            return bytes;
        }
        byte[] fixed = new byte[32];
        int from = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, from, fixed, 32 - (bytes.length - from), bytes.length - from);
        return fixed;
    }
}
