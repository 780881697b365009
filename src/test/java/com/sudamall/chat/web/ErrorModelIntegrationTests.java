package com.sudamall.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every bad input is a 4xx problem+json with a stable code, never a 500. */
class ErrorModelIntegrationTests extends IntegrationTest {

    @Test
    void malformedJsonIsA400() {
        ChatClient alice = login("alice");

        alice.send("POST", "rooms/", "application/json", "{\"participants\": [")
                .expectProblem(400, "validation_failed");
        alice.send("POST", "rooms/", "application/json", "[1, 2]").expectProblem(400, "validation_failed");
        alice.send("POST", "rooms/", "application/json", "{\"participants\": \"bob\"}")
                .expectProblem(400, "validation_failed");
    }

    @Test
    void nonUuidPathIdsAndUnknownRoutesAre404() {
        ChatClient alice = login("alice");

        alice.get("rooms/not-a-uuid/").expectProblem(404, "not_found");
        alice.get("rooms/not-a-uuid/messages/").expectProblem(404, "not_found");
        alice.get("rooms/" + java.util.UUID.randomUUID() + "/").expectProblem(404, "not_found");
        alice.get("no-such-endpoint/").expectProblem(404, "not_found");
    }

    @Test
    void oversizedBodiesAre413() {
        ChatClient alice = login("alice");
        String huge = "{\"content\": \"" + "x".repeat(1_100_000) + "\"}";

        alice.send("POST", "rooms/", "application/json", huge).expectProblem(413, "payload_too_large");
    }

    @Test
    void missingUploadPartsAndOutOfRangeNumbersNameTheirField() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));

        JsonNode noFile = alice.upload("attachments/", Map.of("room_id", room), null, new byte[0])
                .expectProblem(400, "validation_failed");
        assertThat(noFile.path("fields").path("file").asString()).isEqualTo("is required");
        JsonNode noRoom = alice.upload("attachments/", Map.of(), "a.pdf", "%PDF-1.4".getBytes())
                .expectProblem(400, "validation_failed");
        assertThat(noRoom.path("fields").path("room_id").asString()).isEqualTo("is required");
        JsonNode hugePage =
                alice.get("rooms/" + room + "/messages/?page=99999999999999").expectProblem(400, "validation_failed");
        assertThat(hugePage.path("fields").path("page").asString()).isEqualTo("is out of range");
        JsonNode word = alice.get("rooms/" + room + "/messages/?page=first").expectProblem(400, "validation_failed");
        assertThat(word.path("fields").path("page").asString()).isEqualTo("has the wrong type");
    }

    @Test
    void everyProblemSaysWhichRequestItAnswers() {
        ChatClient alice = login("alice");
        String huge = "{\"content\": \"" + "x".repeat(1_100_000) + "\"}";

        assertThat(anonymous()
                        .get("rooms/")
                        .expectProblem(401, "unauthorized")
                        .path("instance")
                        .asString())
                .matches("/api/chat/rooms/?");
        assertThat(alice.send("POST", "rooms/", "application/json", huge)
                        .expectProblem(413, "payload_too_large")
                        .path("instance")
                        .asString())
                .matches("/api/chat/rooms/?");
        assertThat(alice.get("rooms/" + java.util.UUID.randomUUID() + "/")
                        .expectProblem(404, "not_found")
                        .path("instance")
                        .asString())
                .startsWith("/api/chat/rooms/");
    }

    @Test
    void wrongMethodAndContentTypeHaveTheirCodes() {
        ChatClient alice = login("alice");

        alice.send("DELETE", "rooms/", null, null).expectProblem(405, "method_not_allowed");
        alice.send("POST", "rooms/", "text/plain", "hello").expectProblem(415, "unsupported_media_type");
    }

    @Test
    void pathsWorkWithAndWithoutTheTrailingSlash() {
        ChatClient alice = login("alice");

        alice.get("rooms/").expect(200);
        alice.get("rooms").expect(200);
        alice.get("unread").expect(200);
    }

    @Test
    void invalidUtf8IsA400() {
        ChatClient alice = login("alice");
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};

        alice.sendBytes("POST", "rooms/", "application/json", body).expectProblem(400, "validation_failed");
    }
}
