package com.sudamall.chat.moderation;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.Reply;
import com.sudamall.chat.support.SocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Rate limits on both doors: 429 with Retry-After over REST, an error frame (or a 4429 close) over WebSocket. */
@TestPropertySource(
        properties = {
            "chat.rate-limits.enabled=true",
            "chat.rate-limits.messages-per-second=3",
            "chat.rate-limits.messages-per-minute=100",
            "chat.rate-limits.rooms-per-hour=2",
            "chat.rate-limits.connects-per-minute=3",
            "chat.realtime.max-sockets-per-user=2"
        })
class RateLimitIntegrationTests extends IntegrationTest {

    @Test
    void messagesPastTheLimitGet429WithRetryAfterOnBothDoors() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        List<Integer> statuses = new ArrayList<>();
        Reply refused = null;
        for (int i = 0; i < 6; i++) {
            Reply reply = alice.send(
                    "POST", "rooms/" + room + "/send_message/", "application/json", "{\"content\": \"m" + i + "\"}");
            statuses.add(reply.status());
            if (reply.status() == 429) {
                refused = reply;
            }
        }
        assertThat(statuses.subList(0, 3)).containsOnly(201);
        assertThat(statuses).contains(429);
        assertThat(refused.json().path("code").asString()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1, 2);

        // bob's own bucket is untouched; over the socket the refusal is an error frame naming the send
        try (SocketClient socket = roomSocket(bob, room)) {
            for (int i = 0; i < 5; i++) {
                socket.send(Map.of("type", "text", "content", "s" + i, "client_msg_id", "c-" + i));
            }
            JsonNode error = socket.await(type("error"));
            assertThat(error.path("code").asString()).isEqualTo("rate_limited");
            assertThat(error.path("client_msg_id").asString()).startsWith("c-");
            assertThat(error.path("retry_after").asLong()).isPositive();
        }
    }

    @Test
    void roomsPerHourAreLimited() {
        ChatClient carol = login("carol");
        privateRoom(carol, login("dave"));
        groupRoom(carol, login("erin"));
        carol.post("rooms/", Map.of("participants", List.of(login("frank").id), "room_type", "private"))
                .expectProblem(429, "rate_limited");
    }

    @Test
    void socketsPerUserAndConnectsPerMinuteAreLimited() {
        ChatClient gina = login("gina");
        try (SocketClient first = userSocket(gina).ready();
                SocketClient second = userSocket(gina).ready();
                SocketClient third = userSocket(gina)) {
            assertThat(third.awaitClose()).isEqualTo(4429);
            assertThat(third.frames())
                    .anyMatch(f -> "rate_limited".equals(f.path("code").asString()));
        }
        // three connects made this minute: the fourth is refused, though no socket is open now
        try (SocketClient fourth = userSocket(gina)) {
            assertThat(fourth.awaitClose()).isEqualTo(4429);
        }
    }
}
