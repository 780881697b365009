package com.sudamall.chat.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.ExtraNode;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every acked message reaches every member's socket, whichever node holds it, from the first moment of the
 * socket's life. Node B runs with a connection pool much smaller than the burst of sockets opening on it (as a
 * loaded node's pool is), and every client sends as soon as all sockets are open as clients see them, while the
 * nodes may still be taking them in and subscribing to their rooms: nothing may be missed, doubled or closed. Redis bus only (the PostgreSQL
 * run of CI).
 */
class CrossNodeDeliveryIntegrationTests extends IntegrationTest {

    private static final int ROOMS = 30;
    private static final int EACH_SENDS = 5;

    private static ExtraNode nodeB;

    @BeforeAll
    static void startNodeB() {
        assumeTrue(redisUrl() != null, "two nodes need the Redis bus (CHAT_TEST_REDIS_URL with PostgreSQL)");
        nodeB = ExtraNode.start(
                "--spring.datasource.hikari.maximum-pool-size=2", "--spring.datasource.hikari.connection-timeout=300");
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private record Member(ChatClient user, int port) {}

    @Test
    void messagesSentFromTheFirstMomentOfEverySocketArriveOnceOnBothNodes() throws Exception {
        List<String> rooms = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int r = 0; r < ROOMS; r++) {
            ChatClient onA = login("a" + r);
            ChatClient onB = login("b" + r);
            rooms.add(roomId(privateRoom(onA, onB)));
            members.add(new Member(onA, port));
            members.add(new Member(onB, nodeB.port()));
        }
        List<SocketClient> sockets = new ArrayList<>();
        CyclicBarrier allOpen = new CyclicBarrier(members.size());
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<SocketClient>> opening = IntStream.range(0, members.size())
                    .mapToObj(i -> clients.submit(() -> openAndSend(members.get(i), rooms.get(i / 2), i, allOpen)))
                    .toList();
            for (Future<SocketClient> socket : opening) {
                sockets.add(socket.get());
            }
        }
        try {
            for (int i = 0; i < sockets.size(); i++) {
                SocketClient socket = sockets.get(i);
                try {
                    Awaitility.await()
                            .atMost(Duration.ofSeconds(30))
                            .until(() -> messages(socket).size() >= 2 * EACH_SENDS);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    // the assertions below say what is missing
                }
                List<JsonNode> got = messages(socket);
                assertThat(got.stream().map(m -> m.path("seq").asLong()).toList())
                        .as("socket %d (node %s): seqs once each, in order", i, i % 2 == 0 ? "A" : "B")
                        .containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * EACH_SENDS)
                                .mapToObj(Long::valueOf)
                                .toList());
                assertThat(socket.isOpen()).as("socket %d still open", i).isTrue();
            }
        } finally {
            sockets.forEach(SocketClient::close);
        }
    }

    /**
     * Opens the socket and, once every client has seen its socket open (the nodes may still be taking them in),
     * sends at once, as a client does: a send refused with {@code unavailable} (node B's pool was busy for it) is
     * sent again under the same {@code client_msg_id} until it is acked.
     */
    private static SocketClient openAndSend(Member member, String room, int index, CyclicBarrier allOpen)
            throws Exception {
        SocketClient socket = SocketClient.connect(
                member.port(), "/ws/chat/" + room + "/?token=" + member.user().token());
        allOpen.await(30, TimeUnit.SECONDS);
        for (int n = 0; n < EACH_SENDS; n++) {
            String id = index + "-" + n;
            for (int attempt = 0; ; attempt++) {
                int mark = socket.mark();
                socket.send(Map.of("type", "text", "content", "m" + id, "client_msg_id", id));
                JsonNode answer = socket.await(
                        mark,
                        f -> id.equals(f.path("client_msg_id").asString())
                                && ("ack".equals(f.path("type").asString())
                                        || "error".equals(f.path("type").asString())));
                if ("ack".equals(answer.path("type").asString())) {
                    break;
                }
                assertThat(answer.path("code").asString()).isEqualTo("unavailable");
                assertThat(attempt).as("attempts to send %s", id).isLessThan(100);
                Thread.sleep(100);
            }
        }
        return socket;
    }

    private static List<JsonNode> messages(SocketClient socket) {
        return socket.frames().stream()
                .filter(f -> "message".equals(f.path("type").asString()))
                .map(f -> f.path("message"))
                .toList();
    }
}
