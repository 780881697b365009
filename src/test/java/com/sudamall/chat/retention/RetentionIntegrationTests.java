package com.sudamall.chat.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Retention removes what is old and nothing else, and never touches a room under legal hold. Messages "expire"
 * here after a few seconds instead of a year.
 */
@TestPropertySource(properties = {"chat.retention.max-age=4s", "chat.retention.interval=500ms"})
// closed after the class: its job would otherwise go on expiring the next classes' messages
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RetentionIntegrationTests extends IntegrationTest {

    @Test
    void oldMessagesGoWithTheirNotificationsAndFilesButNotUnderLegalHold() throws Exception {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String held = roomId(groupRoom(alice, bob));
        legalHold(held);
        platform()
                .put("/api/integration/rooms/" + held + "/legal_hold/", Map.of())
                .expectProblem(400, "validation_failed");

        send(alice, room, "old news");
        send(alice, held, "evidence");
        JsonNode file = alice.upload("attachments/", Map.of("room_id", room), "old.pdf", pdf())
                .expect(201);
        alice.post(
                        "rooms/" + room + "/send_message/",
                        Map.of("attachment", file.path("id").asString()))
                .expect(201);
        assertThat(bob.get("notifications/").expect(200).toString()).contains("shared old.pdf");

        Thread.sleep(5_000); // past the four seconds of retention
        send(alice, room, "fresh news");

        await().atMost(Duration.ofSeconds(10)).until(() -> !contents(bob, room).contains("old news"));
        assertThat(contents(bob, room)).containsExactly("fresh news");
        assertThat(contents(bob, held)).containsExactly("evidence");
        assertThat(bob.get("notifications/").expect(200).toString())
                .doesNotContain("old.pdf")
                .doesNotContain("old news");
        assertThat(bob.download(file.path("url").asString()).status()).isEqualTo(404);
    }

    private static List<String> contents(ChatClient user, String room) {
        return user.get("rooms/" + room + "/messages/?limit=100&mark_read=false")
                .expect(200)
                .path("messages")
                .valueStream()
                .map(m -> m.path("content").asString())
                .toList();
    }

    private static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
