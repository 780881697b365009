package com.sudamall.chat.notification.internal;

import com.sudamall.chat.notification.internal.PushRepository.Subscription;
import com.sudamall.chat.web.ChatException;
import com.sudamall.chat.web.Timestamps;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The browsers a user has subscribed. A subscription is checked before it is kept: the service will post to its
 * endpoint, so the endpoint must be one of the push services of {@code chat.push.allowed-hosts}, and its keys must be
 * a P-256 point and a 16-byte secret, or no push could ever be encrypted for it.
 */
@Service
class PushSubscriptions {

    private static final int MAX_ENDPOINT = 2048;
    private static final int MAX_USER_AGENT = 300;
    private static final ECParameterSpec P256 = p256();

    private final PushRepository repository;
    private final PushProperties properties;
    private final PushKeys keys;
    private final Clock clock;

    PushSubscriptions(PushRepository repository, PushProperties properties, PushKeys keys, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.keys = keys;
        this.clock = clock;
    }

    /** What a browser's {@code PushSubscription.toJSON()} gives. */
    record Keys(@Nullable String p256dh, @Nullable String auth) {}

    /** Saves the browser's subscription; {@code created} tells a new browser from one subscribing again. */
    record Saved(Subscription subscription, boolean created) {}

    @Transactional
    Saved subscribe(String userId, @Nullable String endpoint, @Nullable Keys keys, @Nullable String userAgent) {
        requirePush();
        String url = checkedEndpoint(endpoint);
        if (keys == null) {
            throw ChatException.invalid("keys", "give the subscription's keys: p256dh and auth");
        }
        String p256dh = checkedKey("keys.p256dh", keys.p256dh(), 65);
        if (!onP256(Base64.getUrlDecoder().decode(p256dh))) {
            throw ChatException.invalid("keys.p256dh", "not a P-256 public key");
        }
        String auth = checkedKey("keys.auth", keys.auth(), 16);
        Subscription wanted = new Subscription(
                repository.byEndpoint(url).map(Subscription::id).orElseGet(UUID::randomUUID),
                userId,
                url,
                p256dh,
                auth,
                userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), MAX_USER_AGENT)),
                Timestamps.now(clock),
                null);
        boolean created = repository.save(wanted);
        Subscription saved = repository.byEndpoint(url).orElseThrow();
        repository.trim(userId, saved.id(), properties.maxPerUser());
        return new Saved(saved, created);
    }

    List<Subscription> of(String userId) {
        return repository.ofUser(userId);
    }

    @Transactional
    void unsubscribe(String userId, UUID id) {
        if (!repository.delete(id, userId)) {
            throw ChatException.notFound("Push subscription");
        }
    }

    /** The key browsers subscribe with; 404 when this service does not push. */
    String applicationServerKey() {
        return keys.applicationServerKey().orElseThrow(PushSubscriptions::noPush);
    }

    private void requirePush() {
        if (keys.webPush().isEmpty()) {
            throw noPush();
        }
    }

    private static ChatException noPush() {
        return ChatException.notFound("Browser push (not configured on this service)");
    }

    private String checkedEndpoint(@Nullable String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw ChatException.invalid("endpoint", "give the subscription's endpoint");
        }
        if (endpoint.length() > MAX_ENDPOINT) {
            throw ChatException.invalid("endpoint", "longer than " + MAX_ENDPOINT + " characters");
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw ChatException.invalid("endpoint", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https");
        if (!secure && !(scheme.equals("http") && !properties.requireHttps())) {
            throw ChatException.invalid("endpoint", "must be an https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null || !allowedHost(uri.getHost())) {
            throw ChatException.invalid("endpoint", "not a push service this chat sends to");
        }
        return endpoint;
    }

    private boolean allowedHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return properties.allowedHosts().stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .anyMatch(allowed -> {
                    if (allowed.startsWith("*.")) {
                        return name.endsWith(allowed.substring(1)) && name.length() > allowed.length() - 1;
                    }
                    return name.equals(allowed);
                });
    }

    private static String checkedKey(String field, @Nullable String value, int length) {
        if (value == null || value.isBlank()) {
            throw ChatException.invalid(field, "missing");
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value.strip());
            if (bytes.length != length) {
                throw ChatException.invalid(field, "must be " + length + " bytes, base64url");
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } catch (IllegalArgumentException e) {
            throw ChatException.invalid(field, "not base64url");
        }
    }

    /** An uncompressed point (0x04, x, y) that lies on P-256: y² = x³ + ax + b (mod p). */
    static boolean onP256(byte[] point) {
        if (point.length != 65 || point[0] != 4) {
            return false;
        }
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3)
                .add(P256.getCurve().getA().multiply(x))
                .add(P256.getCurve().getB())
                .mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no P-256", e);
        }
    }
}
