package com.sudamall.chat.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The platform's privacy requests: an export of everything about a user, and an erasure, both audited. */
class PrivacyIntegrationTests extends IntegrationTest {

    @Test
    void exportThenEraseLeavesPlaceholdersAndAnAuditTrail() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String held = roomId(groupRoom(alice, bob));
        legalHold(held);
        JsonNode secret = send(alice, room, "my secret address is 5 Elm Street");
        send(bob, room, "thanks, noted");
        send(alice, held, "evidence kept under hold");
        JsonNode file = alice.upload(
                        "attachments/",
                        Map.of("room_id", room),
                        "id-card.pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1))
                .expect(201);
        alice.post(
                        "rooms/" + room + "/send_message/",
                        Map.of("attachment", file.path("id").asString()))
                .expect(201);
        JsonNode heldFile = alice.upload(
                        "attachments/",
                        Map.of("room_id", held),
                        "invoice.pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1))
                .expect(201);
        alice.post(
                        "rooms/" + held + "/send_message/",
                        Map.of("attachment", heldFile.path("id").asString()))
                .expect(201);

        JsonNode export =
                platform().get("/api/integration/users/" + alice.id + "/export").expect(200);
        assertThat(export.path("user").path("email").asString()).isEqualTo(alice.id + "@example.com");
        assertThat(export.path("rooms").valueStream().map(r -> r.path("room_id").asString()))
                .containsExactlyInAnyOrder(room, held);
        assertThat(contents(export.path("messages")))
                .contains("my secret address is 5 Elm Street", "evidence kept under hold")
                .doesNotContain("thanks, noted");
        assertThat(export.path("attachments").get(0).path("file_name").asString())
                .isEqualTo("id-card.pdf");

        platform().delete("/api/integration/users/" + alice.id).expect(204);

        JsonNode history = bob.get("rooms/" + room + "/messages/?limit=50").expect(200);
        JsonNode placeholder = history.path("messages")
                .valueStream()
                .filter(m -> m.path("id").asString().equals(secret.path("id").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(placeholder.path("is_deleted").asBoolean()).isTrue();
        assertThat(placeholder.path("content").asString()).isEmpty();
        assertThat(placeholder.path("seq").asLong())
                .isEqualTo(secret.path("seq").asLong());
        assertThat(placeholder.path("sender").path("name").asString()).isEqualTo("Deleted user");
        assertThat(contents(history.path("messages"))).contains("thanks, noted");
        assertThat(contents(bob.get("rooms/" + held + "/messages/?limit=50")
                        .expect(200)
                        .path("messages")))
                .contains("evidence kept under hold");
        assertThat(bob.download(file.path("url").asString()).status()).isEqualTo(404);
        assertThat(bob.download(heldFile.path("url").asString()).status()).isEqualTo(200);
        assertThat(bob.get("search/?q=Elm").expect(200).path("results").isEmpty())
                .isTrue();

        // the platform's next sync does not bring the profile back
        platform()
                .put("/api/integration/users/" + alice.id, Map.of("name", "Alice Again", "email", "a@example.com"))
                .expect(200);
        JsonNode after =
                platform().get("/api/integration/users/" + alice.id + "/export").expect(200);
        assertThat(after.path("user").path("is_erased").asBoolean()).isTrue();
        assertThat(after.path("user").path("name").isNull()).isTrue();
        assertThat(after.path("user").path("email").isNull()).isTrue();
        assertThat(contents(after.path("messages"))).containsOnly("", "evidence kept under hold");
        assertThat(after.path("attachments")
                        .valueStream()
                        .map(a -> a.path("removed").asBoolean()))
                .containsExactly(true, false);

        List<String> actions = platform()
                .get("/api/integration/audit/?target_type=user&target_id=" + alice.id)
                .expect(200)
                .path("results")
                .valueStream()
                .map(e -> e.path("action").asString())
                .toList();
        assertThat(actions).containsExactly("privacy.export", "privacy.erase", "privacy.export");
    }

    @Test
    void onlyThePlatformAsksAndOnlyAboutKnownUsers() {
        ChatClient alice = login("alice");
        assertThat(alice.get("/api/integration/users/" + alice.id + "/export").status())
                .isIn(401, 403);
        assertThat(alice.delete("/api/integration/users/" + alice.id).status()).isIn(401, 403);
        platform().get("/api/integration/users/nobody-" + alice.id + "/export").expectProblem(404, "not_found");
        platform().delete("/api/integration/users/nobody-" + alice.id).expectProblem(404, "not_found");
    }

    private static List<String> contents(JsonNode messages) {
        return messages.valueStream().map(m -> m.path("content").asString()).toList();
    }
}
