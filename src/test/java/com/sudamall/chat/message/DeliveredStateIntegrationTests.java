package com.sudamall.chat.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The delivered state of a message (✓ sent, ✓✓ delivered, read): computed from each member's delivery cursor, which a
 * socket moves when it has written the room's messages to its user, and a history page when it is returned. A
 * {@code delivered} frame tells the room; the Message's {@code is_delivered} says it in history.
 */
class DeliveredStateIntegrationTests extends IntegrationTest {

    @Test
    void aMessageWrittenToTheOthersSocketIsDeliveredThenRead() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        JsonNode first = send(alice, room, "first, while Bob is away");
        assertThat(first.path("is_delivered").asBoolean()).isFalse();

        // Bob opens the room, reading what is there: from then on his socket's messages carry his cursor on
        bob.get("rooms/" + room + "/messages/").expect(200);
        try (SocketClient bobs = roomSocket(bob, room).ready();
                SocketClient alices = roomSocket(alice, room).ready()) {
            JsonNode second = send(alice, room, "second, Bob is here");
            long seq = second.path("seq").asLong();
            bobs.await(f -> "message".equals(f.path("type").asString()));

            JsonNode delivered =
                    alices.await(f -> "delivered".equals(f.path("type").asString()));
            assertThat(delivered.path("user").path("id").asString()).isEqualTo(bob.id);
            assertThat(delivered.path("up_to_seq").asLong()).isEqualTo(seq);
            JsonNode shown = newest(alice, room);
            assertThat(shown.path("is_delivered").asBoolean()).isTrue();
            assertThat(shown.path("is_read").asBoolean()).isFalse();

            bob.post(
                            "rooms/" + room + "/read/",
                            Map.of("up_to", second.path("id").asString()))
                    .expect(200);
            assertThat(newest(alice, room).path("is_read").asBoolean()).isTrue();
        }
    }

    @Test
    void aSocketOpenedAfterMessagesItNeverGotDoesNotClaimThem() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        send(alice, room, "sent while Bob had no device on");

        try (SocketClient bobs = roomSocket(bob, room).ready();
                SocketClient alices = roomSocket(alice, room).ready()) {
            send(alice, room, "only this one reaches his socket");
            bobs.await(f -> "message".equals(f.path("type").asString()));
            alices.assertNone(f -> "delivered".equals(f.path("type").asString()), Duration.ofMillis(2500));
            assertThat(newest(alice, room).path("is_delivered").asBoolean()).isFalse();

            // his client then loads the history without marking it read: now he has them all
            bob.get("rooms/" + room + "/messages/?mark_read=false").expect(200);
            alices.await(f -> "delivered".equals(f.path("type").asString()));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> newest(alice, room).path("is_delivered").asBoolean());
            assertThat(newest(alice, room).path("is_read").asBoolean()).isFalse();
        }
    }

    @Test
    void inAGroupAMessageIsDeliveredOnceEveryOtherMemberHasIt() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient carol = login("carol");
        String group = roomId(groupRoom(alice, bob, carol));
        bob.get("rooms/" + group + "/messages/").expect(200);
        carol.get("rooms/" + group + "/messages/").expect(200);
        try (SocketClient bobs = roomSocket(bob, group).ready();
                SocketClient alices = roomSocket(alice, group).ready()) {
            send(alice, group, "hello both");
            bobs.await(f -> "message".equals(f.path("type").asString()));
            // Bob's cursor moves with the next flush; a group gets no delivered frames, its ✓✓ is in history
            alices.assertNone(f -> "delivered".equals(f.path("type").asString()), Duration.ofMillis(2500));
            assertThat(newest(alice, group).path("is_delivered").asBoolean()).isFalse();

            carol.get("rooms/" + group + "/messages/?mark_read=false").expect(200);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> newest(alice, group).path("is_delivered").asBoolean());
        }
    }

    @Test
    void aNoteMovesTheTeamsCursorsWithoutTellingTheCustomer() {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient customer = login("customer");
        String room = roomId(customerStoreRoom(customer, createStore(owner, staff), owner.id));
        owner.get("rooms/" + room + "/messages/").expect(200);
        customer.get("rooms/" + room + "/messages/").expect(200);
        try (SocketClient owners = roomSocket(owner, room).ready();
                SocketClient customers = roomSocket(customer, room).ready()) {
            JsonNode question = send(customer, room, "Do you ship to Lyon?");
            JsonNode told =
                    customers.await(f -> "delivered".equals(f.path("type").asString())
                            && owner.id.equals(f.path("user").path("id").asString()));
            assertThat(told.path("up_to_seq").asLong())
                    .isEqualTo(question.path("seq").asLong());

            int mark = customers.mark();
            staff.post(
                            "rooms/" + room + "/send_message/",
                            Map.of("content", "check the courier's price list", "message_type", "note"))
                    .expect(201);
            owners.await(f -> "message".equals(f.path("type").asString())
                    && "note".equals(f.path("message").path("message_type").asString()));
            customers.assertNone(f -> "delivered".equals(f.path("type").asString()), Duration.ofMillis(2500));
            assertThat(customers.frames().subList(mark, customers.frames().size()))
                    .noneMatch(f -> "delivered".equals(f.path("type").asString()));

            // the team's answer is told, at its own seq
            JsonNode answer = send(owner, room, "Yes, in two days");
            JsonNode delivered =
                    owners.await(f -> "delivered".equals(f.path("type").asString())
                            && customer.id.equals(f.path("user").path("id").asString()));
            assertThat(delivered.path("up_to_seq").asLong())
                    .isEqualTo(answer.path("seq").asLong());
        }
    }

    private static JsonNode newest(ChatClient reader, String room) {
        return reader.get("rooms/" + room + "/messages/?limit=1&mark_read=false")
                .expect(200)
                .path("messages")
                .get(0);
    }
}
