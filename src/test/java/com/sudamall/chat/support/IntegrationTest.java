package com.sudamall.chat.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the through-the-door tests: the whole service on a random port, on the run's {@link TestDatabase}, reached
 * over HTTP and WebSocket like any client. Every test makes its own users, stores and rooms with fresh ids, so tests
 * share one context and one database without seeing each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// tests send faster than any person; RateLimitIntegrationTests turns the limits back on. A cached context keeps
// only 2 idle connections (not the pool's 20): a dozen cached contexts and the fault suite's nodes share one
// PostgreSQL and its 100 connections
@TestPropertySource(
        properties = {
            "chat.rate-limits.enabled=false",
            "spring.datasource.hikari.minimum-idle=2",
            "spring.datasource.hikari.idle-timeout=10000",
            "chat.desk.snooze-check=1s",
            // tests write links to hosts that do not exist; LinkPreviewIntegrationTests turns previews on
            "chat.previews.enabled=false"
        })
public abstract class IntegrationTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @LocalServerPort
    protected int port;

    /** Another way to the test database (a fault test's proxy), for the context loaded while it is set. */
    protected static volatile @Nullable String databaseUrlOverride;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.get();
        registry.add("spring.datasource.url", () -> databaseUrlOverride != null ? databaseUrlOverride : db.url());
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        if (db.isPostgres()) {
            registry.add("spring.flyway.schemas", db::schema);
            registry.add("spring.flyway.default-schema", db::schema);
        }
        String redis = redisUrl();
        if (redis != null) {
            registry.add("chat.bus", () -> "redis");
            registry.add("spring.data.redis.url", () -> redis);
            registry.add("management.health.redis.enabled", () -> "true");
        }
    }

    /**
     * The Redis of the PostgreSQL run (CI sets {@code CHAT_TEST_REDIS_URL}): that run goes over the Redis bus, as
     * production does. The default H2 run stays on the in-process bus.
     */
    protected static @Nullable String redisUrl() {
        String url = System.getenv("CHAT_TEST_REDIS_URL");
        return TestDatabase.get().isPostgres() && url != null && !url.isBlank() ? url : null;
    }

    /** A fresh id with a readable label. */
    protected static String freshId(String label) {
        return label + "-" + RUN + "-" + COUNTER.incrementAndGet();
    }

    /** Logs a new user in through the dev login. */
    protected ChatClient login(String label, String... roles) {
        String id = freshId(label);
        String name = Character.toUpperCase(label.charAt(0)) + label.substring(1) + " "
                + id.substring(id.lastIndexOf('-') + 1);
        JsonNode body = anonymous()
                .post(
                        "/api/auth/dev-login",
                        Map.of(
                                "user_id",
                                id,
                                "name",
                                name,
                                "email",
                                id + "@example.com",
                                "roles",
                                Arrays.asList(roles)))
                .expect(200);
        return new ChatClient(port, body.path("token").asString(), id, name);
    }

    protected ChatClient anonymous() {
        return new ChatClient(port, null, "anonymous", "anonymous");
    }

    /** The platform's backend, with the dev service key. */
    protected ChatClient platform() {
        return new ChatClient(port, "dev-service-key", "platform", "platform");
    }

    protected ChatClient withToken(String token) {
        return new ChatClient(port, token, "token", "token");
    }

    /** A store of {@code owner} with the given staff, always open. */
    protected String createStore(ChatClient owner, ChatClient... staff) {
        String id = freshId("store");
        platform()
                .put(
                        "/api/integration/stores/" + id,
                        Map.of(
                                "name",
                                "Store " + id,
                                "owner",
                                owner.id,
                                "staff",
                                Arrays.stream(staff).map(s -> s.id).toList(),
                                "timezone",
                                "UTC"))
                .expect(201);
        return id;
    }

    protected String createProduct(String storeId, String name) {
        String id = freshId("product");
        platform()
                .put(
                        "/api/integration/products/" + id,
                        Map.of("name", name, "store", storeId, "price", "12.50", "currency", "USD"))
                .expect(201);
        return id;
    }

    protected String createOrder(String storeId, ChatClient customer, String orderNumber) {
        String id = freshId("order");
        platform()
                .put(
                        "/api/integration/orders/" + id,
                        Map.of(
                                "order_number",
                                orderNumber,
                                "customer",
                                customer.id,
                                "store",
                                storeId,
                                "status",
                                "paid",
                                "total",
                                "25.00",
                                "currency",
                                "USD"))
                .expect(201);
        return id;
    }

    protected JsonNode privateRoom(ChatClient creator, ChatClient other) {
        return creator.post("rooms/", Map.of("participants", List.of(other.id), "room_type", "private"))
                .expect(201);
    }

    protected JsonNode groupRoom(ChatClient creator, ChatClient... others) {
        return creator.post(
                        "rooms/",
                        Map.of(
                                "participants",
                                Arrays.stream(others).map(o -> o.id).toList(),
                                "room_type",
                                "group"))
                .expect(201);
    }

    protected JsonNode customerStoreRoom(ChatClient customer, String storeId, String ownerId) {
        return customer.post(
                        "rooms/",
                        Map.of("participants", List.of(ownerId), "room_type", "customer_store", "store", storeId))
                .expect(201);
    }

    /** A customer's new room with a store, about one of its products. */
    protected JsonNode productInquiry(ChatClient customer, String storeId, String ownerId, String productId) {
        return customer.post(
                        "rooms/",
                        Map.of(
                                "participants",
                                List.of(ownerId),
                                "room_type",
                                "customer_store",
                                "store",
                                storeId,
                                "product",
                                productId))
                .expect(201);
    }

    /** The platform puts the room under legal hold. */
    protected void legalHold(String roomId) {
        platform()
                .put("/api/integration/rooms/" + roomId + "/legal_hold/", Map.of("legal_hold", true))
                .expect(200);
    }

    protected static String roomId(JsonNode room) {
        return room.path("room_id").asString();
    }

    protected JsonNode send(ChatClient sender, String roomId, String content) {
        return sender.post("rooms/" + roomId + "/send_message/", Map.of("content", content))
                .expect(201);
    }

    protected SocketClient roomSocket(ChatClient user, String roomId) {
        return SocketClient.connect(port, "/ws/chat/" + roomId + "/?token=" + user.token());
    }

    protected SocketClient userSocket(ChatClient user) {
        return SocketClient.connect(port, "/ws/chat/?token=" + user.token());
    }
}
