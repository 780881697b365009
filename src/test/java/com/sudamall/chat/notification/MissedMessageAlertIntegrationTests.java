package com.sudamall.chat.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import com.sudamall.chat.support.WebhookReceiver;
import com.sudamall.chat.support.WebhookReceiver.Received;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Missed-message alerts, received by a real SMTP server (GreenMail) and a real webhook receiver: one e-mail after the
 * delay to a user with unread messages and no socket, never while a socket is open, never for a muted room or a user
 * who opted out. The delay is two seconds here instead of fifteen minutes.
 */
// closed after the class: its scan would otherwise go on alerting for the next classes' messages
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MissedMessageAlertIntegrationTests extends IntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static final WebhookReceiver receiver = new WebhookReceiver();

    @RegisterExtension
    static final GreenMailExtension smtp =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void alerts(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("chat.alerts.delay", () -> "2s");
        registry.add("chat.alerts.scan-interval", () -> "300ms");
        registry.add("chat.alerts.lookback", () -> "1m");
        registry.add("chat.alerts.link", () -> "https://chat.sudamall.example/");
        registry.add("chat.webhooks.url", receiver::url);
        registry.add("chat.webhooks.secret", () -> "alerts-secret");
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void oneEmailAfterTheDelayNeverWhileOnlineMutedOrOptedOut() throws Exception {
        ChatClient alice = login("alice");
        ChatClient away = login("away");
        ChatClient online = login("online");
        ChatClient muting = login("muting");
        ChatClient optedOut = login("optedout");
        String awayRoom = roomId(privateRoom(alice, away));
        String onlineRoom = roomId(privateRoom(alice, online));
        String mutedRoom = roomId(privateRoom(alice, muting));
        String optedOutRoom = roomId(privateRoom(alice, optedOut));
        assertThat(muting.post("rooms/" + mutedRoom + "/mute/", Map.of())
                        .expect(200)
                        .path("is_muted")
                        .asBoolean())
                .isTrue();
        assertThat(optedOut.get("me/").expect(200).path("email_alerts").asBoolean())
                .isTrue();
        assertThat(optedOut.patch("me/", Map.of("email_alerts", false))
                        .expect(200)
                        .path("email_alerts")
                        .asBoolean())
                .isFalse();

        try (SocketClient socket = userSocket(online).ready()) {
            Instant sentAt = Instant.now();
            send(alice, awayRoom, "Is the blue mug still available?");
            send(alice, awayRoom, "I'd take two.");
            send(alice, onlineRoom, "you are here");
            send(alice, mutedRoom, "you muted me");
            send(alice, optedOutRoom, "you opted out");

            MimeMessage email = await().atMost(Duration.ofSeconds(20))
                    .until(() -> emailsTo(away), list -> !list.isEmpty())
                    .getFirst();
            assertThat(Duration.between(sentAt, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(email.getSubject()).isEqualTo("You have 2 unread messages on Sudamall");
            assertThat(email.getMessageID()).endsWith("@sudamall-chat>");
            String text = GreenMailUtil.getBody(email);
            assertThat(text)
                    .contains(alice.name + ": Is the blue mug still available?")
                    .contains("I'd take two.")
                    .contains("(2 unread)")
                    .contains("https://chat.sudamall.example/");

            Received missed = await().atMost(Duration.ofSeconds(10))
                    .until(() -> missedFor(away), list -> !list.isEmpty())
                    .getFirst();
            assertThat(missed.json().path("data").path("unread_total").asLong()).isEqualTo(2);
            assertThat(missed.json()
                            .path("data")
                            .path("rooms")
                            .get(0)
                            .path("room_id")
                            .asString())
                    .isEqualTo(awayRoom);

            // several scans later: still exactly one, and nothing for the others
            Thread.sleep(3_000);
            assertThat(emailsTo(away)).hasSize(1);
            assertThat(missedFor(away)).hasSize(1);
            assertThat(emailsTo(online)).isEmpty();
            assertThat(emailsTo(muting)).isEmpty();
            assertThat(emailsTo(optedOut)).isEmpty();
            assertThat(missedFor(optedOut)).hasSize(1); // the platform may still text them
        }

        // once the socket closes, the unread message is alerted after all
        await().atMost(Duration.ofSeconds(20)).until(() -> emailsTo(online).size() == 1);
        assertThat(GreenMailUtil.getBody(emailsTo(online).getFirst())).contains("you are here");
    }

    @Test
    void theTeamsNotesNeverAlertTheCustomerNorShowInTheirEmail() throws Exception {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient customer = login("customer");
        String room = roomId(customerStoreRoom(customer, createStore(owner, staff), owner.id));
        send(customer, room, "Do you ship to Lyon?");
        staff.post(
                        "rooms/" + room + "/send_message/",
                        Map.of(
                                "content",
                                "check the courier's price list",
                                "message_type",
                                "note",
                                "mentions",
                                List.of(owner.id)))
                .expect(201);

        // the note alerts the owner, who has not read it, and not the customer; it says who named the owner
        await().atMost(Duration.ofSeconds(20)).until(() -> emailsTo(owner).size() == 1);
        assertThat(GreenMailUtil.getBody(emailsTo(owner).getFirst()))
                .contains("check the courier's price list")
                .contains(staff.name + " mentioned you");
        Thread.sleep(2_500);
        assertThat(emailsTo(customer)).isEmpty();
        assertThat(missedFor(customer)).isEmpty();

        send(owner, room, "Yes, in two days");
        MimeMessage email = await().atMost(Duration.ofSeconds(20))
                .until(() -> emailsTo(customer), list -> !list.isEmpty())
                .getFirst();
        assertThat(email.getSubject()).isEqualTo("You have 1 unread message on Sudamall");
        assertThat(GreenMailUtil.getBody(email)).contains("Yes, in two days").doesNotContain("courier");
    }

    @Test
    void settingsNeedAValue() {
        ChatClient carol = login("carol");
        carol.patch("me/", Map.of()).expectProblem(400, "validation_failed");
        JsonNode me = carol.get("me/").expect(200);
        assertThat(me.path("id").asString()).isEqualTo(carol.id);
        assertThat(me.path("email").asString()).isEqualTo(carol.id + "@example.com");
    }

    private static List<MimeMessage> emailsTo(ChatClient user) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> Arrays.toString(uncheckedRecipients(m)).contains(user.id + "@example.com"))
                .toList();
    }

    private static Object[] uncheckedRecipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Received> missedFor(ChatClient user) {
        return receiver.received().stream()
                .filter(r -> "notification.missed".equals(r.event()))
                .filter(r -> user.id.equals(
                        r.json().path("data").path("user").path("id").asString()))
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
