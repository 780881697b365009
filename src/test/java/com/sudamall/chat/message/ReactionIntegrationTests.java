package com.sudamall.chat.message;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reactions through the API and both sockets: one of each emoji per user, counts with whether I reacted, a live
 * {@code reaction} frame, in history and on resume; never on what cannot take one.
 */
class ReactionIntegrationTests extends IntegrationTest {

    private static final String THUMBS = "\uD83D\uDC4D";
    private static final String HEART = "\u2764\uFE0F";

    @Test
    void participantsReactOnceEachAndEveryoneSeesTheCounts() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String message = send(alice, room, "Shall we meet at noon?").path("id").asString();
        assertThat(alice.get("reactions/")
                        .expect(200)
                        .path("emoji")
                        .valueStream()
                        .map(JsonNode::asString))
                .startsWith(THUMBS, HEART);

        try (SocketClient aliceRoom = roomSocket(alice, room).ready();
                SocketClient aliceAll = userSocket(alice).ready()) {
            JsonNode mine = react(bob, room, message, THUMBS).expect(200);
            assertThat(reactions(mine)).containsExactly(THUMBS + " 1 me");
            // once per emoji: the same again changes nothing
            assertThat(reactions(react(bob, room, message, THUMBS).expect(200))).containsExactly(THUMBS + " 1 me");

            JsonNode frame = aliceRoom.await(type("reaction"));
            assertThat(frame.path("message_id").asString()).isEqualTo(message);
            assertThat(frame.path("user").path("id").asString()).isEqualTo(bob.id);
            assertThat(frame.path("emoji").asString()).isEqualTo(THUMBS);
            assertThat(frame.path("added").asBoolean()).isTrue();
            assertThat(frame.path("reactions").get(0).path("count").asInt()).isEqualTo(1);
            assertThat(aliceAll.await(type("reaction")).path("room_id").asString())
                    .isEqualTo(room);

            react(alice, room, message, HEART).expect(200);
            assertThat(reactions(react(alice, room, message, THUMBS).expect(200)))
                    .containsExactly(THUMBS + " 2 me", HEART + " 1 me");
            assertThat(reactions(history(bob, room).getFirst())).containsExactly(THUMBS + " 2 me", HEART + " 1");

            JsonNode taken = bob.delete("rooms/" + room + "/messages/" + message + "/reactions/?emoji="
                            + URLEncoder.encode(THUMBS, StandardCharsets.UTF_8))
                    .expect(200);
            assertThat(reactions(taken)).containsExactly(THUMBS + " 1", HEART + " 1");
            JsonNode takenBack = aliceRoom.await(
                    f -> type("reaction").test(f) && !f.path("added").asBoolean());
            assertThat(takenBack.path("user").path("id").asString()).isEqualTo(bob.id);
        }

        // a socket that resumes from the start gets the message with its reactions
        try (SocketClient resumed = SocketClient.connect(
                        port, "/ws/chat/" + room + "/?after_seq=0&token=" + bob.token())
                .ready()) {
            JsonNode replayed = resumed.await(type("message")).path("message");
            assertThat(reactions(replayed)).containsExactly(THUMBS + " 1", HEART + " 1");
        }
    }

    @Test
    void nothingReactsToWhatCannotTakeAReaction() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient outsider = login("outsider");
        String room = roomId(privateRoom(alice, bob));
        String message = send(alice, room, "hello").path("id").asString();

        react(bob, room, message, "\uD83D\uDCA9").expectProblem(400, "validation_failed");
        bob.post("rooms/" + room + "/messages/" + message + "/reactions/", Map.of())
                .expectProblem(400, "validation_failed");
        react(outsider, room, message, THUMBS).expectProblem(404, "not_found");

        String gone = send(alice, room, "oops").path("id").asString();
        alice.delete("rooms/" + room + "/messages/" + gone + "/").expect(204);
        react(bob, room, gone, THUMBS).expectProblem(409, "conflict");

        // a store desk's note: no reactions, and the customer does not even know it is there
        ChatClient owner = login("owner");
        ChatClient customer = login("customer");
        String desk = roomId(customerStoreRoom(customer, createStore(owner), owner.id));
        String note = owner.post(
                        "rooms/" + desk + "/send_message/", Map.of("content", "internal", "message_type", "note"))
                .expect(201)
                .path("id")
                .asString();
        react(owner, desk, note, THUMBS).expectProblem(400, "validation_failed");
        react(customer, desk, note, THUMBS).expectProblem(404, "not_found");
    }

    private static com.sudamall.chat.support.Reply react(ChatClient user, String room, String message, String emoji) {
        return user.post("rooms/" + room + "/messages/" + message + "/reactions/", Map.of("emoji", emoji));
    }

    private static List<JsonNode> history(ChatClient user, String room) {
        return user.get("rooms/" + room + "/messages/?limit=50&mark_read=false")
                .expect(200)
                .path("messages")
                .valueStream()
                .toList();
    }

    /** Each reaction as "emoji count" plus " me" when the reader is among them. */
    private static List<String> reactions(JsonNode message) {
        return message.path("reactions")
                .valueStream()
                .map(r -> r.path("emoji").asString() + " " + r.path("count").asInt()
                        + (r.path("me").asBoolean() ? " me" : ""))
                .toList();
    }
}
