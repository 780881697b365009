package com.sudamall.chat.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A conversation between a customer and a team (a store's owner and staff, or support agents) has two parties: read
 * ticks, titles and the other party are the customer's or the team's, whoever of the team acts.
 */
class CustomerConversationIntegrationTests extends IntegrationTest {

    @Test
    void aStaffMemberReadingTheCustomersMessageIsTheStoreReadingIt() {
        ChatClient owner = login("owner", "store_owner");
        ChatClient clerk = login("clerk", "store_staff");
        ChatClient alice = login("alice", "customer");
        String store = createStore(owner, clerk);
        String roomId = roomId(customerStoreRoom(alice, store, owner.id));

        String question =
                send(alice, roomId, "Is the mug dishwasher safe?").path("id").asString();
        // the clerk reads it (the history marks it read); the owner never opens the room
        clerk.get("rooms/" + roomId + "/messages/").expect(200);
        assertThat(isRead(alice, roomId, question)).isTrue();

        String answer = send(owner, roomId, "Yes, it is.").path("id").asString();
        assertThat(isRead(owner, roomId, answer)).isFalse();
        try (SocketClient ownerSocket = roomSocket(owner, roomId).ready()) {
            alice.get("rooms/" + roomId + "/messages/").expect(200);
            // the read frame the owner's client settles its ticks with comes from the customer
            JsonNode read = ownerSocket.await(SocketClient.type("read"));
            assertThat(read.path("user").path("id").asString()).isEqualTo(alice.id);
        }
        assertThat(isRead(owner, roomId, answer)).isTrue();
        // another member of the team reading the owner's reply is not the customer reading it
        String second = send(owner, roomId, "Anything else?").path("id").asString();
        clerk.get("rooms/" + roomId + "/messages/").expect(200);
        assertThat(isRead(owner, roomId, second)).isFalse();
    }

    @Test
    void aSupportAgentsReadIsTheSupportTeamsRead() {
        ChatClient agent = login("agent", "moderator");
        ChatClient alice = login("alice", "customer");
        JsonNode room = alice.post("rooms/", Map.of("participants", List.of(agent.id), "room_type", "customer_support"))
                .expect(201);
        String roomId = roomId(room);
        assertThat(room.path("customer").path("id").asString()).isEqualTo(alice.id);
        String question = send(alice, roomId, "Where is my parcel?").path("id").asString();
        agent.get("rooms/" + roomId + "/messages/").expect(200);
        assertThat(isRead(alice, roomId, question)).isTrue();
    }

    @Test
    void eachSideSeesTheOtherAsTheConversationAndNoRawDefaultName() {
        ChatClient owner = login("owner", "store_owner");
        ChatClient clerk = login("clerk", "store_staff");
        ChatClient alice = login("alice", "customer");
        String store = createStore(owner, clerk);
        String roomId = roomId(customerStoreRoom(alice, store, owner.id));

        JsonNode forAlice = alice.get("rooms/" + roomId + "/").expect(200);
        JsonNode forOwner = owner.get("rooms/" + roomId + "/").expect(200);
        // the seed's name stays for the seed's clients; people read the title
        assertThat(forAlice.path("name").asString()).isEqualTo("Customer_Store Chat");
        assertThat(forAlice.path("title").asString()).isEqualTo("Store " + store);
        assertThat(forOwner.path("title").asString()).isEqualTo(alice.name);
        assertThat(forOwner.path("customer").path("id").asString()).isEqualTo(alice.id);

        JsonNode support = alice.post("rooms/", Map.of("participants", List.of(), "room_type", "customer_support"))
                .expect(201);
        assertThat(support.path("title").asString()).isEqualTo("Sudamall support");
        for (ChatClient user : List.of(alice, owner, clerk)) {
            assertThat(user.get("notifications/").expect(200).toString())
                    .doesNotContain("Customer_Store Chat")
                    .doesNotContain("Customer_Support Chat");
        }
        assertThat(clerk.get("notifications/").expect(200).toString()).contains(alice.name);
    }

    private static boolean isRead(ChatClient reader, String roomId, String messageId) {
        JsonNode page =
                reader.get("rooms/" + roomId + "/messages/?mark_read=false").expect(200);
        return page.path("messages")
                .valueStream()
                .filter(m -> m.path("id").asString().equals(messageId))
                .findFirst()
                .orElseThrow()
                .path("is_read")
                .asBoolean();
    }
}
