package com.sudamall.chat.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer's support room goes to the least busy agent (moderator or admin). */
class SupportRoutingIntegrationTests extends IntegrationTest {

    @Test
    void supportRoomsGoToTheLeastBusyAgent() {
        // ids that sort before every other agent of the shared test database, so ties are ours to predict
        ChatClient first = login("0agent", "moderator");
        ChatClient second = login("0agent", "admin");
        ChatClient alice = login("alice", "customer");
        ChatClient bob = login("bob", "customer");

        JsonNode aliceRoom = support(alice);
        assertThat(ids(aliceRoom)).containsExactlyInAnyOrder(alice.id, first.id);
        // the first agent has a room now: the next goes to the second
        JsonNode bobRoom = support(bob);
        assertThat(ids(bobRoom)).containsExactlyInAnyOrder(bob.id, second.id);
        // the agent sees it in their inbox, and can answer
        assertThat(second.get("rooms/?room_type=customer_support")
                        .expect(200)
                        .path("results")
                        .toString())
                .contains(roomId(bobRoom));
        send(second, roomId(bobRoom), "Hi Bob, how can I help?");

        // an agent who opens a support room with a customer is that room's agent
        JsonNode opened = second.post(
                        "rooms/", Map.of("participants", List.of(alice.id), "room_type", "customer_support"))
                .expect(201);
        assertThat(ids(opened)).containsExactlyInAnyOrder(alice.id, second.id);
    }

    private static JsonNode support(ChatClient customer) {
        return customer.post("rooms/", Map.of("participants", List.of(), "room_type", "customer_support"))
                .expect(201);
    }

    private static List<String> ids(JsonNode room) {
        return StreamSupport.stream(room.path("participants").spliterator(), false)
                .map(p -> p.path("id").asString())
                .toList();
    }
}
