package com.sudamall.chat.realtime;

import static com.sudamall.chat.support.SocketClient.messageWithContent;
import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sockets under pressure: bursts from several senders, retries, and handshakes from other sites. */
class SocketRobustnessIntegrationTests extends IntegrationTest {

    private static final int PER_SENDER = 100;

    @Test
    void aBurstFromSeveralSendersArrivesGaplessAndInOrderEverywhere() throws InterruptedException {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient carol = login("carol");
        ChatClient dave = login("dave");
        String room = roomId(groupRoom(alice, bob, carol, dave));
        List<ChatClient> senders = List.of(alice, bob, carol);
        List<SocketClient> sockets = new ArrayList<>();
        for (ChatClient user : List.of(alice, bob, carol, dave)) {
            sockets.add(roomSocket(user, room));
        }
        try {
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < senders.size(); s++) {
                SocketClient socket = sockets.get(s);
                String name = senders.get(s).id;
                threads.add(Thread.ofPlatform()
                        .start(() -> IntStream.range(0, PER_SENDER)
                                .forEach(i -> socket.send(Map.of(
                                        "type", "text", "content", name + " #" + i, "client_msg_id", "b-" + i)))));
            }
            for (Thread thread : threads) {
                thread.join();
            }

            int total = PER_SENDER * senders.size();
            for (SocketClient socket : sockets) {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> messages(socket).size() >= total);
                List<Long> seqs = messages(socket).stream()
                        .map(f -> f.path("message").path("seq").asLong())
                        .toList();
                assertThat(seqs)
                        .containsExactlyElementsOf(
                                LongStream.rangeClosed(1, total).boxed().toList());
            }
            for (int s = 0; s < senders.size(); s++) {
                SocketClient socket = sockets.get(s);
                Awaitility.await()
                        .atMost(Duration.ofSeconds(30))
                        .until(() ->
                                socket.frames().stream().filter(type("ack")).count() >= PER_SENDER);
                assertThat(socket.frames().stream()
                                .filter(type("ack"))
                                .map(f -> f.path("client_msg_id").asString()))
                        .doesNotHaveDuplicates()
                        .hasSize(PER_SENDER);
            }
        } finally {
            sockets.forEach(SocketClient::close);
        }
    }

    @Test
    void aRetriedFrameIsAckedWithTheOriginalMessageAndSentOnce() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient aliceSocket = roomSocket(alice, room);
                SocketClient bobSocket = roomSocket(bob, room)) {
            Map<String, String> frame = Map.of("type", "text", "content", "only once", "client_msg_id", "retry-1");
            aliceSocket.send(frame);
            JsonNode first = aliceSocket.await(type("ack"));
            int mark = aliceSocket.mark();
            aliceSocket.send(frame);
            JsonNode second = aliceSocket.await(mark, type("ack"));

            assertThat(second.path("message").path("id").asString())
                    .isEqualTo(first.path("message").path("id").asString());
            assertThat(second.path("message").path("seq").asLong())
                    .isEqualTo(first.path("message").path("seq").asLong());
            bobSocket.await(messageWithContent("only once"));
            bobSocket.assertNone(
                    messageWithContent("only once")
                            .and(f -> bobSocket.frames().stream()
                                            .filter(messageWithContent("only once"))
                                            .count()
                                    > 1),
                    Duration.ofMillis(500));
            JsonNode history = bob.get("rooms/" + room + "/messages/?after_seq=0&limit=100")
                    .expect(200);
            assertThat(history.path("messages")
                            .valueStream()
                            .filter(m -> "only once".equals(m.path("content").asString())))
                    .hasSize(1);
        }
    }

    @Test
    void handshakesFromOtherSitesAreRefused() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        String path = "/ws/chat/" + room + "/?token=" + alice.token();

        assertThatThrownBy(() -> SocketClient.connect(port, path, Map.of("Origin", "http://evil.example")))
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));

        try (SocketClient local = SocketClient.connect(port, path, Map.of("Origin", "http://localhost:3000"));
                SocketClient noOrigin = SocketClient.connect(port, path)) {
            local.send(Map.of("type", "ping"));
            local.await(type("pong"));
            noOrigin.send(Map.of("type", "ping"));
            noOrigin.await(type("pong"));
        }
    }

    private static List<JsonNode> messages(SocketClient socket) {
        return socket.frames().stream().filter(type("message")).toList();
    }
}
