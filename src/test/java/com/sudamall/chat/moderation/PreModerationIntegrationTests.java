package com.sudamall.chat.moderation;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A pre-moderated room: what participants write waits unnumbered, seen by its sender and the room's moderator
 * only, and reaches the room (REST and WebSocket) when a moderator approves it.
 */
class PreModerationIntegrationTests extends IntegrationTest {

    @Test
    void heldMessagesReachTheRoomOnlyOnceApproved() {
        ChatClient owner = login("owner");
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient roomModerator = login("roommod");
        ChatClient moderator = login("moderator", "moderator");
        String room = roomId(groupRoom(owner, alice, bob, roomModerator));
        owner.patch("rooms/" + room + "/", Map.of("is_moderated", true, "moderator", roomModerator.id))
                .expect(200);

        try (SocketClient bobSocket = roomSocket(bob, room).ready();
                SocketClient modSocket = userSocket(roomModerator).ready()) {
            JsonNode held = alice.post("rooms/" + room + "/send_message/", Map.of("content", "please approve me"))
                    .expect(202);
            assertThat(held.path("seq").isNull()).isTrue();
            assertThat(held.path("moderation_status").asString()).isEqualTo("pending");
            String rejectedId = alice.post("rooms/" + room + "/send_message/", Map.of("content", "this one goes"))
                    .expect(202)
                    .path("id")
                    .asString();

            JsonNode live = modSocket.await(type("message")).path("message");
            assertThat(live.path("content").asString()).isEqualTo("please approve me");
            bobSocket.assertNone(type("message"), Duration.ofMillis(700));
            assertThat(contents(bob, room)).isEmpty();
            assertThat(contents(alice, room)).containsExactly("please approve me", "this one goes");
            assertThat(contents(roomModerator, room)).containsExactly("please approve me", "this one goes");
            assertThat(bob.get("rooms/" + room + "/messages/?page=1&per_page=10")
                            .expect(200)
                            .path("messages")
                            .isEmpty())
                    .isTrue();

            // the room's moderator writes straight to the room
            JsonNode direct = send(roomModerator, room, "welcome, all");
            assertThat(direct.path("seq").asLong()).isEqualTo(1);
            bobSocket.await(m -> "message".equals(m.path("type").asString())
                    && m.path("message").path("content").asString().equals("welcome, all"));

            JsonNode queued =
                    moderator.get("moderation/flags/?status=open&limit=100").expect(200);
            assertThat(queued.path("results")
                            .valueStream()
                            .filter(f -> f.path("message")
                                    .path("id")
                                    .asString()
                                    .equals(held.path("id").asString()))
                            .map(f -> f.path("source").asString()))
                    .containsExactly("premoderation");

            moderator
                    .post("moderation/messages/" + held.path("id").asString() + "/approve/", Map.of())
                    .expect(200);
            JsonNode approved = bobSocket
                    .await(m -> "message".equals(m.path("type").asString())
                            && m.path("message").path("content").asString().equals("please approve me"))
                    .path("message");
            assertThat(approved.path("seq").asLong()).isEqualTo(2);
            assertThat(approved.path("moderation_status").asString()).isEqualTo("approved");
            moderator
                    .post("moderation/messages/" + rejectedId + "/reject/", Map.of("reason", "off topic"))
                    .expect(200);
            // a second approval changes nothing: seq stays gapless
            moderator
                    .post("moderation/messages/" + held.path("id").asString() + "/approve/", Map.of())
                    .expect(200);
            assertThat(send(roomModerator, room, "thanks").path("seq").asLong()).isEqualTo(3);
            // an approved message can't be edited past the moderators
            alice.patch(
                            "rooms/" + room + "/messages/" + held.path("id").asString() + "/",
                            Map.of("content", "something else"))
                    .expectProblem(403, "forbidden");
        }
        assertThat(contents(bob, room)).containsExactly("welcome, all", "please approve me", "thanks");
        assertThat(contents(alice, room)).containsExactly("welcome, all", "please approve me", "thanks");
    }

    private static List<String> contents(ChatClient reader, String room) {
        return reader.get("rooms/" + room + "/messages/?limit=50&mark_read=false")
                .expect(200)
                .path("messages")
                .valueStream()
                .map(m -> m.path("content").asString())
                .toList();
    }
}
