package com.sudamall.chat.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The platform's backend syncs its catalog and posts system messages with the service key. */
class IntegrationApiIntegrationTests extends IntegrationTest {

    @Test
    void putsCreateThenUpdate() {
        String user = freshId("user");
        platform()
                .put("/api/integration/users/" + user, Map.of("name", "Alice", "roles", List.of("customer")))
                .expect(201);
        platform()
                .put("/api/integration/users/" + user, Map.of("name", "Alice B"))
                .expect(200);

        String store = freshId("store");
        Map<String, Object> body = Map.of(
                "name",
                "Test Store",
                "owner",
                user,
                "timezone",
                "Europe/Berlin",
                "business_hours",
                Map.of("mon", List.of(List.of("09:00", "17:30"))),
                "auto_reply",
                "Closed");
        JsonNode created =
                platform().put("/api/integration/stores/" + store, body).expect(201);
        platform().put("/api/integration/stores/" + store, body).expect(200);
        assertThat(created.path("name").asString()).isEqualTo("Test Store");

        String product = freshId("product");
        platform()
                .put("/api/integration/products/" + product, Map.of("name", "Mug", "store", store, "price", "12.50"))
                .expect(201);
        String order = freshId("order");
        platform()
                .put(
                        "/api/integration/orders/" + order,
                        Map.of("order_number", "ORD-1", "customer", user, "store", store))
                .expect(201);
    }

    @Test
    void badCatalogDataIsRefused() {
        String store = freshId("store");
        platform()
                .put("/api/integration/stores/" + store, Map.of("name", "S", "owner", "u1", "timezone", "Mars/Olympus"))
                .expectProblem(400, "validation_failed");
        platform()
                .put("/api/integration/stores/" + store, Map.of("owner", "u1"))
                .expectProblem(400, "validation_failed");
        platform()
                .put("/api/integration/products/" + freshId("p"), Map.of("name", "Mug", "store", "no-such-store"))
                .expectProblem(400, "validation_failed");
        platform()
                .put("/api/integration/products/" + freshId("p"), Map.of("name", "Mug", "price", "cheap"))
                .expectProblem(400, "validation_failed");
    }

    @Test
    void integrationApiNeedsTheServiceKey() {
        ChatClient user = login("user");

        anonymous().put("/api/integration/users/x", Map.of("name", "X")).expectProblem(401, "unauthorized");
        user.put("/api/integration/users/x", Map.of("name", "X")).expectProblem(401, "unauthorized");
        withToken("wrong-key")
                .put("/api/integration/users/x", Map.of("name", "X"))
                .expectProblem(401, "unauthorized");
    }

    @Test
    void systemMessagesHaveNoSenderAndReachHistory() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        JsonNode message = platform()
                .post(
                        "/api/integration/rooms/" + room + "/system_message/",
                        Map.of("content", "Your order has shipped"))
                .expect(201);

        assertThat(message.path("message_type").asString()).isEqualTo("system");
        assertThat(message.path("sender").isNull()).isTrue();
        assertThat(alice.get("rooms/" + room + "/messages/")
                        .expect(200)
                        .path("messages")
                        .get(0)
                        .path("content")
                        .asString())
                .isEqualTo("Your order has shipped");
    }

    @Test
    void profileNamesFromTheIntegrationApiShowInRooms() {
        ChatClient alice = login("alice");
        String bob = freshId("bob");
        platform()
                .put("/api/integration/users/" + bob, Map.of("name", "Bob Builder"))
                .expect(201);

        JsonNode room =
                alice.post("rooms/", Map.of("participants", List.of(bob))).expect(201);

        assertThat(room.toString()).contains("Bob Builder");
    }
}
