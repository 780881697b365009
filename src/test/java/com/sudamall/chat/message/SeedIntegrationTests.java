package com.sudamall.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's own tests (ChatServiceTest) and usage example, through the public API. */
class SeedIntegrationTests extends IntegrationTest {

    @Test
    void createChatRoomGivesACustomerStoreRoomWithItsStoreAndBothParticipants() {
        ChatClient customer = login("customer", "customer");
        ChatClient owner = login("owner", "store_owner");
        String store = createStore(owner);

        JsonNode room = customer.post(
                        "rooms/",
                        Map.of("participants", List.of(owner.id), "room_type", "customer_store", "store", store))
                .expect(201);

        assertThat(room.path("room_type").asString()).isEqualTo("customer_store");
        assertThat(room.path("store").path("id").asString()).isEqualTo(store);
        assertThat(room.path("participant_count").asInt()).isEqualTo(2);
        assertThat(ids(room.path("participants"))).containsExactlyInAnyOrder(customer.id, owner.id);
        assertThat(room.path("name").asString()).isEqualTo("Customer_Store Chat");
    }

    @Test
    void sendMessageStoresTheTextAndUpdatesTheRoomsLastMessage() {
        ChatClient user1 = login("user");
        ChatClient user2 = login("other");
        String room = roomId(privateRoom(user1, user2));

        JsonNode message = send(user1, room, "Hello, how are you?");

        assertThat(message.path("room_id").asString()).isEqualTo(room);
        assertThat(message.path("sender").path("id").asString()).isEqualTo(user1.id);
        assertThat(message.path("content").asString()).isEqualTo("Hello, how are you?");
        assertThat(message.path("message_type").asString()).isEqualTo("text");
        JsonNode detail = user1.get("rooms/" + room + "/").expect(200);
        assertThat(detail.path("last_message").path("id").asString())
                .isEqualTo(message.path("id").asString());
    }

    @Test
    void chatHistoryReturnsFiveMessagesFromTwoSendersNewestFirst() {
        ChatClient user1 = login("user");
        ChatClient user2 = login("other");
        String room = roomId(privateRoom(user1, user2));
        for (int i = 0; i < 5; i++) {
            send(i % 2 == 0 ? user1 : user2, room, "Message " + (i + 1));
        }

        JsonNode history = user1.get("rooms/" + room + "/messages/").expect(200);

        assertThat(contents(history.path("messages")))
                .containsExactly("Message 5", "Message 4", "Message 3", "Message 2", "Message 1");
        assertThat(history.path("pagination").path("total").asInt()).isEqualTo(5);
        assertThat(history.path("pagination").path("page").asInt()).isEqualTo(1);
        assertThat(history.path("pagination").path("per_page").asInt()).isEqualTo(50);
    }

    @Test
    void usageExampleAsksAboutAProductAndSharesIt() {
        ChatClient customer = login("customer", "customer");
        ChatClient owner = login("owner", "store_owner");
        String store = createStore(owner);
        String product = createProduct(store, "Walnut Desk Lamp");

        JsonNode room = productInquiry(customer, store, owner.id, product);
        send(customer, roomId(room), "Hello! I have a question about this product.");
        JsonNode share = customer.post(
                        "rooms/" + roomId(room) + "/share_product/",
                        Map.of("product", product, "message", "What do you think about this item?"))
                .expect(201);

        assertThat(room.path("product").path("name").asString()).isEqualTo("Walnut Desk Lamp");
        assertThat(share.path("message_type").asString()).isEqualTo("product");
        assertThat(share.path("content").asString()).isEqualTo("What do you think about this item?");
        assertThat(share.path("ref").path("id").asString()).isEqualTo(product);
        assertThat(share.path("ref").path("snapshot").path("name").asString()).isEqualTo("Walnut Desk Lamp");
    }

    static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.path("id").asString())
                .toList();
    }

    static List<String> contents(JsonNode messages) {
        return StreamSupport.stream(messages.spliterator(), false)
                .map(n -> n.path("content").asString())
                .toList();
    }
}
