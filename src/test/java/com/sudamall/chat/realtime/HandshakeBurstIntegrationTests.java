package com.sudamall.chat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.ExtraNode;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A burst of handshakes far larger than the database pool: a busy pool is not an outage. Every socket opens, is
 * taken in and stays open (no 1013), and a message sent afterwards reaches all of them. The node runs with a pool
 * of two connections that it waits 300 ms for, so the burst finds the pool busy.
 */
class HandshakeBurstIntegrationTests extends IntegrationTest {

    private static final int SOCKETS = 120;

    private static ExtraNode node;

    @BeforeAll
    static void startNode() {
        node = ExtraNode.start(
                "--spring.datasource.hikari.maximum-pool-size=2", "--spring.datasource.hikari.connection-timeout=300");
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aBurstLargerThanThePoolClosesNoSocket() throws Exception {
        ChatClient owner = login("owner");
        List<ChatClient> members =
                IntStream.range(0, 20).mapToObj(i -> login("m" + i)).toList();
        String room = roomId(groupRoom(owner, members.toArray(ChatClient[]::new)));
        List<SocketClient> sockets = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SocketClient>> opening = IntStream.range(0, SOCKETS)
                    .mapToObj(i -> clients.submit(() -> SocketClient.connect(
                                    node.port(),
                                    "/ws/chat/" + room + "/?token="
                                            + members.get(i % members.size()).token())
                            .ready()))
                    .toList();
            for (Future<SocketClient> socket : opening) {
                sockets.add(socket.get());
            }
        }
        try {
            new ChatClient(node.port(), owner.token(), owner.id, owner.name)
                    .post("rooms/" + room + "/send_message/", Map.of("content", "to everyone"))
                    .expect(201);
            for (SocketClient socket : sockets) {
                socket.await(SocketClient.messageWithContent("to everyone"));
            }
            // nothing closes them afterwards either, while presence and catch-ups finish in the background
            sockets.getFirst().assertNone(f -> false, Duration.ofMillis(500));
            assertThat(sockets).allMatch(SocketClient::isOpen);
        } finally {
            sockets.forEach(SocketClient::close);
        }
    }
}
