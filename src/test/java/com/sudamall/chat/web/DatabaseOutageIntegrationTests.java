package com.sudamall.chat.web;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import com.sudamall.chat.support.TestDatabase;
import com.sudamall.loadgen.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL going away under the service (its connections cut by a proxy) and coming back: sends fail fast with
 * 503 {@code unavailable} or an {@code error} frame, nothing is acked, readiness goes down, and the service
 * recovers by itself. Runs on the PostgreSQL run of CI (H2 is in the process and cannot go away).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageIntegrationTests extends IntegrationTest {

    private static TcpProxy proxy;

    @BeforeAll
    static void postgresOnly() {
        assumeTrue(TestDatabase.get().isPostgres(), "needs a PostgreSQL to cut");
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.get();
        if (!db.isPostgres()) {
            return;
        }
        URI server = URI.create(db.url().substring("jdbc:".length()));
        proxy = new TcpProxy(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
        // read by IntegrationTest's registration when this class's context starts (both register the URL)
        databaseUrlOverride = db.url().replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
    }

    @AfterAll
    static void closeProxy() {
        databaseUrlOverride = null;
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void sendsFailFastWhileTheDatabaseIsDownAndWorkAgainWhenItIsBack() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        send(alice, room, "before");

        // fully open (caught up) before the database goes
        try (SocketClient socket = roomSocket(alice, room).ready()) {
            proxy.cut();
            alice.post("rooms/" + room + "/send_message/", Map.of("content", "during"))
                    .expectProblem(503, "unavailable");
            int mark = socket.mark();
            socket.send(Map.of("type", "text", "content", "during, by socket", "client_msg_id", "c-down"));
            JsonNode error = socket.await(mark, type("error"));
            assertThat(error.path("code").asString()).isEqualTo("unavailable");
            assertThat(error.path("client_msg_id").asString()).isEqualTo("c-down");
            assertThat(socket.frames()).filteredOn(type("ack")).isEmpty();
            // a socket opened now is accepted and closed with "try again later" (a browser cannot read a refused
            // upgrade's status)
            try (SocketClient late = roomSocket(bob, room)) {
                assertThat(late.awaitClose()).isEqualTo(1013);
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> anonymous().get("/actuator/health/readiness").status() == 503);
            assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);

            proxy.restore();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> anonymous().get("/actuator/health/readiness").status() == 200);
            send(alice, room, "after");
        }
        JsonNode history = bob.get("rooms/" + room + "/messages/?limit=10").expect(200);
        assertThat(history.path("messages")
                        .valueStream()
                        .map(m -> m.path("content").asString()))
                .containsExactly("before", "after");
        assertThat(history.path("messages").valueStream().map(m -> m.path("seq").asLong()))
                .containsExactly(1L, 2L);
    }
}
