package com.sudamall.chat.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.WebhookReceiver;
import com.sudamall.chat.support.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks reach a real HTTP receiver, signed with the shared secret, and a delivery the receiver refuses is retried
 * with the same id and body until it is taken.
 */
// closed after the class: no other class's messages should be POSTed to this receiver
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookIntegrationTests extends IntegrationTest {

    private static final String SECRET = "test-webhook-secret";
    private static final WebhookReceiver receiver = new WebhookReceiver();

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void webhooks(DynamicPropertyRegistry registry) {
        registry.add("chat.webhooks.url", receiver::url);
        registry.add("chat.webhooks.secret", () -> SECRET);
        registry.add("chat.outbox.retry-base", () -> "300ms");
        registry.add("chat.outbox.retry-interval", () -> "200ms");
        registry.add("chat.outbox.max-attempts", () -> "3");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void roomsAndMessagesAreReportedSignedAndARefusedDeliveryIsRetried() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        receiver.fail("message.created", 2);
        String room = roomId(privateRoom(alice, bob));
        String messageId = send(alice, room, "webhook hello").path("id").asString();

        Received created = await().atMost(Duration.ofSeconds(15))
                .until(() -> deliveries("room.created", "room_id", room), list -> !list.isEmpty())
                .getFirst();
        assertThat(created.json().path("data").path("room_type").asString()).isEqualTo("private");
        assertThat(created.json()
                        .path("data")
                        .path("participants")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrder(alice.id, bob.id);

        List<Received> attempts = await().atMost(Duration.ofSeconds(15))
                .until(() -> messageDeliveries(messageId), list -> list.size() == 3);
        assertThat(attempts)
                .extracting(Received::delivery)
                .containsOnly(attempts.getFirst().delivery());
        assertThat(attempts)
                .extracting(Received::body)
                .containsOnly(attempts.getFirst().body());
        JsonNode body = attempts.getFirst().json();
        assertThat(body.path("id").asString()).isEqualTo(attempts.getFirst().delivery());
        assertThat(body.path("type").asString()).isEqualTo("message.created");
        assertThat(body.path("data").path("message").path("content").asString()).isEqualTo("webhook hello");
        assertThat(body.path("data").path("message").path("room_id").asString()).isEqualTo(room);
        assertThat(body.path("data").path("participants").valueStream().map(JsonNode::asString))
                .contains(bob.id);
        attempts.forEach(attempt -> assertThat(attempt.signature()).isEqualTo(sign(attempt)));
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(created.timestamp())))
                .isLessThan(60);

        // taken on the third attempt: never sent again
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> messageDeliveries(messageId).size() == 3);
    }

    @Test
    void aDeliveryRefusedEveryTimeStopsAfterItsAttemptsAndIsKeptAsDead() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String marker = "refused-" + alice.id;
        receiver.refuseContaining(marker);
        String messageId = send(alice, room, marker).path("id").asString();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> messageDeliveries(messageId).size() == 3);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication_dead WHERE serialized_event LIKE :m")
                                .param("m", "%" + marker + "%")
                                .query(Long.class)
                                .single()
                        == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> messageDeliveries(messageId).size() == 3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :m")
                        .param("m", "%" + marker + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aReportedMessageIsReported() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String messageId = send(alice, room, "buy cheap watches").path("id").asString();
        bob.post("messages/" + messageId + "/flag/", Map.of("reason", "spam")).expect(201);

        Received flagged = await().atMost(Duration.ofSeconds(15))
                .until(() -> deliveries("message.flagged", "message_id", messageId), list -> !list.isEmpty())
                .getFirst();
        JsonNode data = flagged.json().path("data");
        assertThat(data.path("room_id").asString()).isEqualTo(room);
        assertThat(data.path("reporter").asString()).isEqualTo(bob.id);
        assertThat(flagged.signature()).isEqualTo(sign(flagged));
    }

    @Test
    void aForgedSignatureDoesNotMatch() {
        Received forged = new Received("message.created", "d", "1700000000", "", "{\"id\":\"x\"}");
        assertThat(sign(forged))
                .isNotEqualTo(sign(new Received("message.created", "d", "1700000001", "", forged.body())))
                .startsWith("sha256=");
    }

    @Test
    void aConversationsNewStatusAndAssigneeAreReportedAndItsNotesAreNot() {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient customer = login("customer");
        String store = createStore(owner, staff);
        String room = roomId(customerStoreRoom(customer, store, owner.id));
        send(customer, room, "Where is my parcel?");
        String note = staff.post(
                        "rooms/" + room + "/send_message/",
                        Map.of("content", "courier lost it, refund", "message_type", "note"))
                .expect(201)
                .path("id")
                .asString();
        owner.patch("rooms/" + room + "/", Map.of("status", "resolved", "assignee", staff.id))
                .expect(200);
        customer.post("rooms/" + room + "/rating/", Map.of("rating", 4, "comment", "fine"))
                .expect(201);
        String last = send(customer, room, "One more question").path("id").asString();

        List<Received> statuses = await().atMost(Duration.ofSeconds(15))
                .until(() -> deliveries("conversation.status_changed", "room_id", room), list -> list.size() == 2);
        JsonNode resolved = statuses.getFirst().json().path("data");
        assertThat(resolved.path("store").asString()).isEqualTo(store);
        assertThat(resolved.path("from").asString()).isEqualTo("open");
        assertThat(resolved.path("to").asString()).isEqualTo("resolved");
        assertThat(resolved.path("by").asString()).isEqualTo(owner.id);
        JsonNode reopened = statuses.get(1).json().path("data");
        assertThat(reopened.path("to").asString()).isEqualTo("open");
        assertThat(reopened.path("by").asString()).isEqualTo(customer.id);

        Received assigned = await().atMost(Duration.ofSeconds(15))
                .until(() -> deliveries("conversation.assigned", "room_id", room), list -> !list.isEmpty())
                .getFirst();
        assertThat(assigned.json().path("data").path("assignee").asString()).isEqualTo(staff.id);
        assertThat(assigned.json().path("data").path("previous_assignee").isNull())
                .isTrue();
        assertThat(assigned.signature()).isEqualTo(sign(assigned));

        JsonNode rated = await().atMost(Duration.ofSeconds(15))
                .until(() -> deliveries("conversation.rated", "room_id", room), list -> !list.isEmpty())
                .getFirst()
                .json()
                .path("data");
        assertThat(rated.path("rating").asInt()).isEqualTo(4);
        assertThat(rated.path("comment").asString()).isEqualTo("fine");
        assertThat(rated.path("customer").asString()).isEqualTo(customer.id);

        // the team's note is its own: the platform hears of what the two sides said to each other only
        await().atMost(Duration.ofSeconds(15)).until(() -> messageDeliveries(last), list -> !list.isEmpty());
        assertThat(messageDeliveries(note)).isEmpty();
    }

    private static List<Received> deliveries(String type, String field, String value) {
        return receiver.received().stream()
                .filter(r -> type.equals(r.event()))
                .filter(r -> value.equals(r.json().path("data").path(field).asString()))
                .toList();
    }

    private static List<Received> messageDeliveries(String messageId) {
        return receiver.received().stream()
                .filter(r -> "message.created".equals(r.event()))
                .filter(r -> messageId.equals(
                        r.json().path("data").path("message").path("id").asString()))
                .toList();
    }

    /** What the platform computes to check a delivery: HMAC-SHA256 of "timestamp.body" with the shared secret. */
    private static String sign(Received received) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256="
                    + HexFormat.of()
                            .formatHex(mac.doFinal(
                                    (received.timestamp() + "." + received.body()).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
