package com.sudamall.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every request has an id, echoed in the response and written in its log lines, so a report can be traced. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIntegrationTests extends IntegrationTest {

    @Test
    void theCallersRequestIdIsEchoedAndLogged(CapturedOutput output) {
        ChatClient alice = login("alice");
        String id = "lb-" + UUID.randomUUID();

        ChatClient.Download answer = alice.download("rooms/", "X-Request-Id", id);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Request-Id")).isEqualTo(id);
        // plain ("[id] ... GET /api/chat/rooms/ 200") or JSON ("request_id":"id", ...), whichever format is on
        assertThat(output.getOut().lines())
                .anyMatch(line -> line.contains(id) && line.contains("GET /api/chat/rooms/ 200"));
    }

    @Test
    void theLineNamesTheCallerAndHowLongTheAnswerTook(CapturedOutput output) {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String id = "lb-" + UUID.randomUUID();
        String roomId = roomId(privateRoom(alice, bob));

        alice.download("rooms/", "X-Request-Id", id);
        try (var socket = roomSocket(bob, roomId).ready()) {
            assertThat(socket.isOpen()).isTrue();
        }
        anonymous().get("rooms/").expect(401);

        assertThat(output.getOut().lines())
                .anyMatch(line -> line.contains(id)
                        && line.matches(".*GET /api/chat/rooms/ 200 \\d+ ms user=" + alice.id + ".*"));
        assertThat(output.getOut().lines())
                .anyMatch(line -> line.matches(".*GET /ws/chat/" + roomId + "/ 101 \\d+ ms user=" + bob.id + ".*"));
        // the filter writes its line once the answer is out: the client may read the 401 before it is logged
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(output.getOut().lines())
                        .anyMatch(line -> line.matches(".*GET /api/chat/rooms/ 401 \\d+ ms user=-.*")));
    }

    @Test
    void aRequestWithoutOneGetsAFreshIdAndErrorsCarryItToo() {
        ChatClient alice = login("alice");

        String first = alice.download("rooms/").header("X-Request-Id");
        ChatClient.Download missing = alice.download("rooms/" + UUID.randomUUID() + "/");

        assertThat(first).matches("[0-9a-f-]{36}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("X-Request-Id")).matches("[0-9a-f-]{36}").isNotEqualTo(first);
    }

    @Test
    void anIdThatCouldForgeLogLinesIsReplaced() {
        String tooLong = "a".repeat(65);

        // (HttpClient itself refuses CR and LF in a header; the filter's rule covers whatever else arrives)
        assertThat(login("alice").download("rooms/", "X-Request-Id", tooLong).header("X-Request-Id"))
                .matches("[0-9a-f-]{36}");
        assertThat(login("bob")
                        .download("rooms/", "X-Request-Id", "id with spaces{}")
                        .header("X-Request-Id"))
                .matches("[0-9a-f-]{36}");
    }
}
