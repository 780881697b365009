package com.sudamall.chat.moderation;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Blocks, mutes, and the moderators' queue and decisions with their audit trail. */
class ModerationIntegrationTests extends IntegrationTest {

    @Test
    void aBlockedUserCanNeitherWriteToNorOpenARoomWithTheBlocker() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String group = roomId(groupRoom(alice, bob));
        send(alice, room, "hello");

        JsonNode block = bob.post("users/" + alice.id + "/block/", Map.of()).expect(200);
        assertThat(block.path("user").path("id").asString()).isEqualTo(alice.id);
        assertThat(bob.get("users/blocked/")
                        .expect(200)
                        .path("results")
                        .get(0)
                        .path("id")
                        .asString())
                .isEqualTo(alice.id);
        bob.post("users/" + bob.id + "/block/", Map.of()).expectProblem(400, "validation_failed");

        alice.post("rooms/" + room + "/send_message/", Map.of("content", "hello again"))
                .expectProblem(403, "blocked");
        try (SocketClient socket = roomSocket(alice, room)) {
            socket.send(Map.of("type", "text", "content", "over the socket", "client_msg_id", "c-1"));
            assertThat(socket.await(type("error")).path("code").asString()).isEqualTo("blocked");
        }
        alice.post("rooms/", Map.of("participants", List.of(bob.id), "room_type", "group", "name", "again"))
                .expectProblem(403, "blocked");
        send(alice, group, "groups are unaffected");
        // bob may still write to alice
        send(bob, room, "I can still write");

        bob.delete("users/" + alice.id + "/block/").expect(204);
        send(alice, room, "unblocked");
    }

    @Test
    void aMutedUserSendsNowhereUntilTheMuteIsLifted() {
        ChatClient moderator = login("moderator", "moderator");
        ChatClient carol = login("carol");
        ChatClient dave = login("dave");
        String group = roomId(groupRoom(carol, dave));

        carol.post("moderation/users/" + dave.id + "/mute/", Map.of()).expectProblem(403, "forbidden");
        JsonNode mute = moderator
                .post("moderation/users/" + carol.id + "/mute/", Map.of("duration_minutes", 30, "reason", "spam"))
                .expect(200);
        assertThat(mute.path("muted_until").asString()).isNotEmpty();
        moderator
                .post("moderation/users/" + carol.id + "/mute/", Map.of("duration_minutes", 0))
                .expectProblem(400, "validation_failed");

        carol.post("rooms/" + group + "/send_message/", Map.of("content", "hi")).expectProblem(403, "muted");
        try (SocketClient socket = roomSocket(carol, group)) {
            socket.send(Map.of("type", "text", "content", "hi", "client_msg_id", "c-m"));
            assertThat(socket.await(type("error")).path("code").asString()).isEqualTo("muted");
        }
        moderator.delete("moderation/users/" + carol.id + "/mute/").expect(204);
        send(carol, group, "back again");

        List<String> audit = moderator
                .get("moderation/audit/?limit=200")
                .expect(200)
                .path("results")
                .valueStream()
                .filter(e -> carol.id.equals(e.path("target_id").asString()))
                .map(e -> e.path("action").asString() + ":" + e.path("actor").asString() + ":"
                        + e.path("reason").asString())
                .toList();
        assertThat(audit)
                .containsExactly(
                        "moderation.unmute:" + moderator.id + ":",
                        "moderation.mute:" + moderator.id + ":spam (30 min)");
        carol.get("moderation/audit/").expectProblem(403, "forbidden");
    }

    @Test
    void moderatorsWorkTheQueueAndParticipantsSeeTheOutcomeLive() {
        ChatClient moderator = login("moderator", "moderator");
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        send(alice, room, "before");
        String abusive =
                send(alice, room, "you are an idiot, pay me outside").path("id").asString();
        send(alice, room, "after");
        String spam = send(alice, room, "buy followers cheap").path("id").asString();
        String fine = send(alice, room, "is this fine?").path("id").asString();
        for (String id : List.of(abusive, spam, fine)) {
            bob.post("messages/" + id + "/flag/", Map.of("reason", "abuse")).expect(201);
        }

        bob.get("moderation/flags/").expectProblem(403, "forbidden");
        JsonNode entry = openFlagOf(moderator, abusive);
        assertThat(entry.path("message").path("content").asString()).isEqualTo("you are an idiot, pay me outside");
        assertThat(entry.path("context")
                        .valueStream()
                        .map(m -> m.path("content").asString()))
                .containsExactly("before", "after", "buy followers cheap");
        assertThat(entry.path("reporters").get(0).path("id").asString()).isEqualTo(bob.id);
        assertThat(entry.path("source").asString()).isEqualTo("user");

        try (SocketClient bobSocket = roomSocket(bob, room).ready()) {
            moderator
                    .post("moderation/messages/" + abusive + "/reject/", Map.of("reason", "insult"))
                    .expect(200);
            JsonNode removed = bobSocket.await(type("message_deleted"));
            assertThat(removed.path("message").path("id").asString()).isEqualTo(abusive);
        }
        moderator.post("moderation/messages/" + spam + "/delete/", Map.of()).expect(200);
        JsonNode approved = moderator
                .post("moderation/messages/" + fine + "/approve/", Map.of())
                .expect(200);
        assertThat(approved.path("status").asString()).isEqualTo("approved");

        JsonNode history =
                bob.get("rooms/" + room + "/messages/?limit=10&mark_read=false").expect(200);
        assertThat(history.path("messages")
                        .valueStream()
                        .filter(m -> m.path("is_deleted").asBoolean())
                        .map(m -> m.path("id").asString()))
                .containsExactlyInAnyOrder(abusive, spam);
        assertThat(history.path("messages")
                        .valueStream()
                        .filter(m -> m.path("id").asString().equals(fine))
                        .findFirst()
                        .orElseThrow()
                        .path("is_flagged")
                        .asBoolean())
                .isFalse();
        assertThat(moderator
                        .get("moderation/flags/?status=open&limit=100")
                        .expect(200)
                        .toString())
                .doesNotContain(abusive)
                .doesNotContain(spam)
                .doesNotContain(fine);
        assertThat(moderator
                        .get("moderation/flags/?status=rejected&limit=100")
                        .expect(200)
                        .toString())
                .contains(abusive)
                .contains("you are an idiot, pay me outside");
        assertThat(platform()
                        .get("/api/integration/audit/?target_type=message&target_id=" + abusive)
                        .expect(200)
                        .path("results")
                        .get(0)
                        .path("reason")
                        .asString())
                .isEqualTo("insult");
        moderator.get("moderation/flags/?status=maybe").expectProblem(400, "validation_failed");
    }

    /** The open flag of a message, paging through the queue. */
    private static JsonNode openFlagOf(ChatClient moderator, String messageId) {
        String cursor = null;
        do {
            JsonNode page = moderator
                    .get("moderation/flags/?status=open&limit=100" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200);
            for (JsonNode entry : page.path("results")) {
                if (entry.path("message").path("id").asString().equals(messageId)) {
                    return entry;
                }
            }
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asString();
        } while (cursor != null);
        throw new AssertionError("no open flag for " + messageId);
    }
}
