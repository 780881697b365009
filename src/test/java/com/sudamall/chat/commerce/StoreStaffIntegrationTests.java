package com.sudamall.chat.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A store's staff are in its customer conversations, and follow the platform's changes to the staff. */
class StoreStaffIntegrationTests extends IntegrationTest {

    @Test
    void staffJoinTheStoresConversationsAndLeaveThemWhenRemoved() {
        ChatClient owner = login("owner", "store_owner");
        ChatClient clerk = login("clerk", "store_staff");
        ChatClient newClerk = login("newclerk", "store_staff");
        ChatClient customer = login("customer");
        String store = createStore(owner, clerk);

        JsonNode room = customerStoreRoom(customer, store, owner.id);
        String roomId = roomId(room);
        assertThat(participants(room)).containsExactlyInAnyOrder(customer.id, owner.id, clerk.id);
        send(clerk, roomId, "Hi, I can help with that.");

        platform()
                .put(
                        "/api/integration/stores/" + store,
                        Map.of("name", "Store", "owner", owner.id, "staff", List.of(newClerk.id), "timezone", "UTC"))
                .expect(200);

        assertThat(participants(customer.get("rooms/" + roomId + "/").expect(200)))
                .containsExactlyInAnyOrder(customer.id, owner.id, newClerk.id);
        send(newClerk, roomId, "Taking over from here.");
        clerk.get("rooms/" + roomId + "/").expectProblem(404, "not_found");
        assertThat(newClerk.get("notifications/").expect(200).toString()).contains("participant_added");
    }

    private static List<String> participants(JsonNode room) {
        return room.path("participants")
                .valueStream()
                .map(p -> p.path("id").asString())
                .toList();
    }
}
