package com.sudamall.chat.web;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import org.junit.jupiter.api.Test;

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
