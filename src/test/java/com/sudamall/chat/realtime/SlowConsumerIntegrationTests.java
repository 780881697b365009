package com.sudamall.chat.realtime;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A client that stops reading is cut off (1008) and the room goes on. A small queue makes the server's queue for it
 * overflow soon after the network buffers between them fill; a long write time limit keeps the stuck write from
 * timing out first (that would drop the connection, 1006), so the close frame follows once the client reads again.
 */
@TestPropertySource(properties = {"chat.realtime.send-buffer-size=256KB", "chat.realtime.send-time-limit=60s"})
class SlowConsumerIntegrationTests extends IntegrationTest {

    private static final int MESSAGES = 2_500;
    private static final int SENDERS = 4;
    private static final String BULK = "x".repeat(4_000);

    @Test
    void aClientTooSlowToReadIsClosedWhileOthersKeepReceiving() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient carol = login("carol");
        String room = roomId(groupRoom(alice, bob, carol));
        try (SocketClient reader = roomSocket(bob, room);
                SocketClient sleeper = roomSocket(carol, room)) {
            sleeper.send(Map.of("type", "ping"));
            sleeper.await(type("pong"));
            sleeper.pauseReading();

            // over REST from a few threads: a sending socket would receive the flood too
            IntStream.range(0, SENDERS).parallel().forEach(thread -> {
                for (int i = thread; i < MESSAGES; i += SENDERS) {
                    send(alice, room, i + " " + BULK);
                }
            });

            Awaitility.await()
                    .atMost(Duration.ofSeconds(90))
                    .until(() ->
                            reader.frames().stream().filter(type("message")).count() == MESSAGES);
            sleeper.resumeReading();
            assertThat(sleeper.awaitClose()).isEqualTo(1008);
            assertThat(sleeper.frames().stream().filter(type("message")).count())
                    .isLessThan(MESSAGES);
        }
    }
}
