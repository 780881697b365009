package com.sudamall.chat.message;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mentions through the API and the sockets: stored as user ids, in every Message, a {@code mention} notification
 * and an unread mentions count that a muted room does not hide; only the room's participants can be named.
 */
class MentionIntegrationTests extends IntegrationTest {

    @Test
    void aMentionIsStoredNotifiedAndCountedEvenInAMutedRoom() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient carol = login("carol");
        String room = roomId(groupRoom(alice, bob, carol));
        bob.post("rooms/" + room + "/mute/", Map.of()).expect(200);

        try (SocketClient bobRoom = roomSocket(bob, room).ready()) {
            JsonNode sent = alice.post(
                            "rooms/" + room + "/send_message/",
                            Map.of("content", "@Bob can you check?", "mentions", List.of(bob.id, bob.id, alice.id)))
                    .expect(201);
            // each once, never the sender
            assertThat(ids(sent)).containsExactly(bob.id);
            assertThat(ids(bobRoom.await(type("message")).path("message"))).containsExactly(bob.id);
        }
        // a socket text frame names users too
        try (SocketClient carolRoom = roomSocket(carol, room).ready()) {
            carolRoom.send(Map.of("type", "text", "content", "@Bob me too", "mentions", List.of(bob.id)));
            assertThat(ids(carolRoom.await(type("ack")).path("message"))).containsExactly(bob.id);
        }
        send(alice, room, "no one named here");

        List<JsonNode> page = bob.get("rooms/" + room + "/messages/?limit=50&mark_read=false")
                .expect(200)
                .path("messages")
                .valueStream()
                .toList();
        assertThat(page).extracting(m -> ids(m).size()).containsExactlyInAnyOrder(1, 1, 0);

        assertThat(mentionNotifications(bob)).containsExactlyInAnyOrder(alice.name, carol.name);
        assertThat(mentionNotifications(carol)).isEmpty();

        JsonNode unread = bob.get("unread/").expect(200);
        assertThat(unread.path("rooms").path(room).asLong()).isEqualTo(3);
        assertThat(unread.path("mentions").path(room).asLong()).isEqualTo(2);
        JsonNode listed = inList(bob, room);
        assertThat(listed.path("is_muted").asBoolean()).isTrue();
        assertThat(listed.path("unread_mentions").asLong()).isEqualTo(2);
        assertThat(inList(carol, room).path("unread_mentions").asLong()).isZero();

        // reading the room reads its mentions
        bob.get("rooms/" + room + "/messages/?limit=50").expect(200);
        assertThat(bob.get("unread/").expect(200).path("mentions").path(room).isMissingNode())
                .isTrue();
        assertThat(inList(bob, room).path("unread_mentions").asLong()).isZero();
    }

    @Test
    void onlyTheRoomsParticipantsCanBeNamed() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient outsider = login("outsider");
        String group = roomId(groupRoom(alice, bob));

        alice.post(
                        "rooms/" + group + "/send_message/",
                        Map.of("content", "@Outsider", "mentions", List.of(outsider.id)))
                .expectProblem(400, "validation_failed");
        alice.post("rooms/" + group + "/send_message/", Map.of("content", "@x", "mentions", Arrays.asList("x", null)))
                .expectProblem(400, "validation_failed");
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            crowd.add("user-" + i);
        }
        alice.post("rooms/" + group + "/send_message/", Map.of("content", "@all", "mentions", crowd))
                .expectProblem(400, "validation_failed");
        try (SocketClient socket = roomSocket(alice, group).ready()) {
            socket.send(Map.of("type", "text", "content", "@Bob", "mentions", "bob"));
            assertThat(socket.await(type("error")).toString()).contains("mentions");
        }

        String direct = roomId(privateRoom(alice, bob));
        alice.post("rooms/" + direct + "/send_message/", Map.of("content", "@Bob", "mentions", List.of(bob.id)))
                .expectProblem(400, "validation_failed");

        // a note can name the team, never the customer, who cannot read it
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient customer = login("customer");
        String desk = roomId(customerStoreRoom(customer, createStore(owner, staff), owner.id));
        owner.post(
                        "rooms/" + desk + "/send_message/",
                        Map.of("content", "@Customer", "message_type", "note", "mentions", List.of(customer.id)))
                .expectProblem(400, "validation_failed");
        JsonNode note = owner.post(
                        "rooms/" + desk + "/send_message/",
                        Map.of(
                                "content",
                                "@Staff take this one",
                                "message_type",
                                "note",
                                "mentions",
                                List.of(staff.id)))
                .expect(201);
        assertThat(ids(note)).containsExactly(staff.id);
        assertThat(mentionNotifications(staff)).containsExactly(owner.name);
    }

    @Test
    void aHeldMessageNamesItsUsersOnceAModeratorLetsItOut() {
        ChatClient owner = login("owner");
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient moderator = login("moderator", "moderator");
        String room = roomId(groupRoom(owner, alice, bob));
        owner.patch("rooms/" + room + "/", Map.of("is_moderated", true)).expect(200);

        JsonNode held = alice.post(
                        "rooms/" + room + "/send_message/", Map.of("content", "@Bob hi", "mentions", List.of(bob.id)))
                .expect(202);
        assertThat(ids(held)).containsExactly(bob.id);
        assertThat(mentionNotifications(bob)).isEmpty();
        assertThat(bob.get("unread/").expect(200).path("mentions").path(room).isMissingNode())
                .isTrue();

        try (SocketClient bobRoom = roomSocket(bob, room).ready()) {
            moderator
                    .post("moderation/messages/" + held.path("id").asString() + "/approve/", Map.of())
                    .expect(200);
            assertThat(ids(bobRoom.await(type("message")).path("message"))).containsExactly(bob.id);
        }
        assertThat(mentionNotifications(bob)).containsExactly(alice.name);
        assertThat(bob.get("unread/").expect(200).path("mentions").path(room).asLong())
                .isEqualTo(1);
    }

    private static List<String> ids(JsonNode message) {
        return message.path("mentions").valueStream().map(JsonNode::asString).toList();
    }

    /** The titles' "<name> mentioned you", as the names. */
    private static List<String> mentionNotifications(ChatClient user) {
        List<String> from = new ArrayList<>();
        user.get("notifications/?unread=true").expect(200).path("results").forEach(n -> {
            if ("mention".equals(n.path("notification_type").asString())) {
                from.add(n.path("title").asString().replace(" mentioned you", ""));
            }
        });
        return from;
    }

    private static JsonNode inList(ChatClient user, String room) {
        return user.get("rooms/")
                .expect(200)
                .path("results")
                .valueStream()
                .filter(r -> r.path("room_id").asString().equals(room))
                .findFirst()
                .orElseThrow();
    }
}
