package com.sudamall.chat.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's flag_message: one report per user and message, one open flag per message listing its reporters. */
class FlagIntegrationTests extends IntegrationTest {

    @Test
    void reportingAMessageOpensAFlag() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String message = send(bob, room, "buy cheap watches").path("id").asString();

        JsonNode flag = alice.post("messages/" + message + "/flag/", Map.of("reason", "spam"))
                .expect(201);

        assertThat(flag.path("message_id").asString()).isEqualTo(message);
        assertThat(flag.path("status").asString()).isEqualTo("open");
        assertThat(flag.path("reason").asString()).isEqualTo("spam");
        assertThat(flag.path("reporters").get(0).path("id").asString()).isEqualTo(alice.id);
        assertThat(flag.path("created_at").isString()).isTrue();
        assertThat(alice.get("rooms/" + room + "/messages/")
                        .expect(200)
                        .path("messages")
                        .get(0)
                        .path("is_flagged")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aReportedMessageItsWriterDeletesKeepsItsTextForModeratorsOnly() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient moderator = login("moderator", "moderator");
        String room = roomId(privateRoom(alice, bob));
        String text = "send the money to my account " + freshId("acct");
        String message = send(bob, room, text).path("id").asString();
        String flag = alice.post("messages/" + message + "/flag/", Map.of("reason", "scam"))
                .expect(201)
                .path("id")
                .asString();

        bob.delete("rooms/" + room + "/messages/" + message + "/").expect(204);

        JsonNode queued = moderator
                .get("moderation/flags/?status=open")
                .expect(200)
                .path("results")
                .valueStream()
                .filter(entry -> entry.path("id").asString().equals(flag))
                .findFirst()
                .orElseThrow();
        assertThat(queued.path("message").path("is_deleted").asBoolean()).isTrue();
        assertThat(queued.path("message").path("content").asString()).isEqualTo(text);
        for (ChatClient participant : new ChatClient[] {alice, bob}) {
            JsonNode shown = participant
                    .get("rooms/" + room + "/messages/")
                    .expect(200)
                    .path("messages")
                    .get(0);
            assertThat(shown.path("is_deleted").asBoolean()).isTrue();
            assertThat(shown.path("content").asString()).isEmpty();
        }
    }

    @Test
    void aRepeatReportAnswersWithTheSameFlagAndOthersJoinIt() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient carol = login("carol");
        String room = roomId(groupRoom(alice, bob, carol));
        String message = send(bob, room, "rude").path("id").asString();

        JsonNode first = alice.post("messages/" + message + "/flag/", Map.of("reason", "abuse"))
                .expect(201);
        JsonNode repeat = alice.post("messages/" + message + "/flag/", Map.of("reason", "abuse"))
                .expect(200);
        JsonNode second = carol.post("messages/" + message + "/flag/", Map.of("reason", "abuse"))
                .expect(201);

        assertThat(repeat.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(second.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(second.path("reporters").size()).isEqualTo(2);
    }

    @Test
    void onlyThoseWhoSeeTheMessageMayReportIt() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        String message = send(alice, room, "private").path("id").asString();

        login("stranger")
                .post("messages/" + message + "/flag/", Map.of("reason", "x"))
                .expectProblem(404, "not_found");
        alice.post("messages/not-a-uuid/flag/", Map.of()).expectProblem(404, "not_found");
    }
}
