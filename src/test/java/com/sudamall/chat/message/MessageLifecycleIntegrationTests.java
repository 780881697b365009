package com.sudamall.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Edits, deletes, read cursors, receipts and unread counts. */
class MessageLifecycleIntegrationTests extends IntegrationTest {

    @Test
    void senderEditsTheirMessage() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        String id = send(alice, room, "helo").path("id").asString();

        JsonNode edited = alice.patch("rooms/" + room + "/messages/" + id + "/", Map.of("content", "hello"))
                .expect(200);

        assertThat(edited.path("content").asString()).isEqualTo("hello");
        assertThat(edited.path("is_edited").asBoolean()).isTrue();
        assertThat(edited.path("edited_at").isString()).isTrue();
    }

    @Test
    void othersMayNotEditAndEditsAreValidated() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String id = send(alice, room, "mine").path("id").asString();

        bob.patch("rooms/" + room + "/messages/" + id + "/", Map.of("content", "yours"))
                .expectProblem(403, "forbidden");
        alice.patch("rooms/" + room + "/messages/" + id + "/", Map.of("content", " "))
                .expectProblem(400, "empty_content");
        alice.patch("rooms/" + room + "/messages/" + java.util.UUID.randomUUID() + "/", Map.of("content", "x"))
                .expectProblem(404, "not_found");
    }

    @Test
    void onlyTheSenderOrAModeratorDeletes() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String first = send(alice, room, "one").path("id").asString();
        String second = send(alice, room, "two").path("id").asString();

        bob.delete("rooms/" + room + "/messages/" + first + "/").expectProblem(403, "forbidden");
        alice.delete("rooms/" + room + "/messages/" + first + "/").expect(204);
        login("mod", "moderator")
                .delete("rooms/" + room + "/messages/" + second + "/")
                .expect(204);
    }

    @Test
    void readAdvancesTheCursorAndUnreadFollows() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String first = send(alice, room, "one").path("id").asString();
        String second = send(alice, room, "two").path("id").asString();
        send(alice, room, "three");

        JsonNode unread = bob.get("unread/").expect(200);
        assertThat(unread.path("total").asInt()).isEqualTo(3);
        assertThat(unread.path("rooms").path(room).asInt()).isEqualTo(3);

        JsonNode state =
                bob.post("rooms/" + room + "/read/", Map.of("up_to", second)).expect(200);
        assertThat(state.path("up_to_seq").asLong()).isEqualTo(2);
        assertThat(state.path("unread_count").asLong()).isEqualTo(1);

        JsonNode back =
                bob.post("rooms/" + room + "/read/", Map.of("up_to", first)).expect(200);
        assertThat(back.path("up_to_seq").asLong())
                .as("the cursor never moves back")
                .isEqualTo(2);
        assertThat(bob.get("rooms/" + room + "/")
                        .expect(200)
                        .path("unread_count")
                        .asInt())
                .isEqualTo(1);
        assertThat(alice.get("unread/").expect(200).path("total").asInt())
                .as("own messages are read")
                .isZero();
    }

    @Test
    void readByListsTheParticipantsWhoReadIt() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient carol = login("carol");
        String room = roomId(groupRoom(alice, bob, carol));
        String id = send(alice, room, "news").path("id").asString();

        bob.post("rooms/" + room + "/read/", Map.of("up_to", id)).expect(200);
        JsonNode readers =
                alice.get("rooms/" + room + "/messages/" + id + "/read_by/").expect(200);

        assertThat(readers.isArray()).isTrue();
        assertThat(readers.size()).isEqualTo(1);
        assertThat(readers.get(0).path("user").path("id").asString()).isEqualTo(bob.id);
        assertThat(readers.get(0).path("user").has("avatar_url")).isTrue();
        assertThat(readers.get(0).path("read_at").isString()).isTrue();
    }

    @Test
    void readNeedsAMessageOfThisRoom() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        alice.post(
                        "rooms/" + room + "/read/",
                        Map.of("up_to", java.util.UUID.randomUUID().toString()))
                .expectProblem(400, "validation_failed");
        alice.post("rooms/" + room + "/read/", Map.of()).expectProblem(400, "validation_failed");
    }
}
