package com.sudamall.chat.support;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push service and the browsers behind it, as a real HTTP server. Each {@link Device} has its own key pair and auth
 * secret, as a browser's subscription does, and an endpoint here. Every push is checked as a push service and a
 * browser would: the VAPID token's ES256 signature against the key in the request, its audience and expiry, then the
 * payload decrypted with the device's private key. A device can be told to answer 410 (unsubscribed) or to fail.
 */
public final class PushReceiver implements AutoCloseable {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    /**
     * One push as the device read it.
     *
     * @param device which device
     * @param plaintext the decrypted payload, or null if it did not decrypt or the VAPID token was bad
     * @param problem why not
     * @param headers the request's headers (lower-case names)
     * @param vapid the verified VAPID claims
     */
    public record Push(
            String device,
            @Nullable String plaintext,
            @Nullable String problem,
            Map<String, String> headers,
            @Nullable JWTClaimsSet vapid) {

        public JsonNode json() {
            return JsonMapper.builder().build().readTree(plaintext);
        }
    }

    /** A subscribed browser: what {@code PushSubscription.toJSON()} would give. */
    public final class Device {

        private final String name;
        private final ECPrivateKey privateKey;
        private final byte[] publicKey;
        private final byte[] auth = new byte[16];
        private volatile int status = 201;
        private final AtomicInteger failures = new AtomicInteger();

        private Device(String name) {
            this.name = name;
            KeyPair pair = PushDecryption.newKeyPair();
            this.privateKey = (ECPrivateKey) pair.getPrivate();
            this.publicKey = PushDecryption.uncompressed((ECPublicKey) pair.getPublic());
            new SecureRandom().nextBytes(auth);
        }

        public String endpoint() {
            return origin() + "/push/" + name;
        }

        public Map<String, Object> subscription() {
            return Map.of(
                    "endpoint",
                    endpoint(),
                    "keys",
                    Map.of("p256dh", B64.encodeToString(publicKey), "auth", B64.encodeToString(auth)));
        }

        /** From now on the push service says this browser unsubscribed. */
        public void gone() {
            status = 410;
        }

        /** The next {@code times} pushes get a 503. */
        public void fail(int times) {
            failures.set(times);
        }
    }

    private final HttpServer server;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final List<Push> received = new CopyOnWriteArrayList<>();

    public PushReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/push/", this::handle);
        server.start();
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Device device(String name) {
        return devices.computeIfAbsent(name, Device::new);
    }

    public List<Push> received(String device) {
        return received.stream().filter(p -> p.device().equals(device)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/push/".length());
        Device device = devices.get(name);
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), values.getFirst()));
        if (device == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        String problem = null;
        String plaintext = null;
        JWTClaimsSet claims = null;
        try {
            claims = verifiedVapid(headers.get("authorization"));
            plaintext = new String(PushDecryption.decrypt(body, device.privateKey, device.publicKey, device.auth));
        } catch (Exception e) {
            problem = e.toString();
        }
        received.add(new Push(name, plaintext, problem, Map.copyOf(headers), claims));
        int status = device.failures.getAndDecrement() > 0 ? 503 : problem != null ? 400 : device.status;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** {@code Authorization: vapid t=<JWT>, k=<public key>}: the token signed with that key, for this origin. */
    private JWTClaimsSet verifiedVapid(@Nullable String authorization) throws Exception {
        if (authorization == null || !authorization.startsWith("vapid ")) {
            throw new IllegalArgumentException("no VAPID authorization: " + authorization);
        }
        String token = null;
        String key = null;
        for (String part : authorization.substring("vapid ".length()).split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair[0].equals("t")) {
                token = pair[1];
            } else if (pair[0].equals("k")) {
                key = pair[1];
            }
        }
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(new ECDSAVerifier(PushDecryption.publicKey(B64_DECODE.decode(key))))) {
            throw new IllegalArgumentException("the VAPID token's signature does not match its key");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        if (!claims.getAudience().equals(List.of(origin()))) {
            throw new IllegalArgumentException("VAPID audience " + claims.getAudience() + " is not " + origin());
        }
        if (claims.getExpirationTime() == null || claims.getExpirationTime().getTime() < System.currentTimeMillis()) {
            throw new IllegalArgumentException("VAPID token expired or without expiry");
        }
        return claims;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
