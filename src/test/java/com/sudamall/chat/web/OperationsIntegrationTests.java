package com.sudamall.chat.web;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import org.junit.jupiter.api.Test;

/** What operators and client developers reach without a token: probes, metrics, API docs. */
class OperationsIntegrationTests extends IntegrationTest {

    @Test
    void healthAndProbesAreUp() {
        assertThat(anonymous()
                        .get("/actuator/health")
                        .expect(200)
                        .path("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(anonymous()
                        .get("/actuator/health")
                        .expect(200)
                        .path("components")
                        .has("db"))
                .isTrue();
        if (redisUrl() != null) {
            assertThat(anonymous()
                            .get("/actuator/health")
                            .expect(200)
                            .path("components")
                            .path("redis")
                            .path("status")
                            .asString())
                    .isEqualTo("UP");
        }
        anonymous().get("/actuator/health/liveness").expect(200);
        anonymous().get("/actuator/health/readiness").expect(200);
    }

    @Test
    void theBrowserFindsAFavicon() {
        ChatClient.Download icon = anonymous().download("/favicon.ico");

        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("Content-Type")).contains("icon");
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
    }

    @Test
    void prometheusScrapesMetrics() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient socket = roomSocket(bob, room).ready()) {
            int mark = socket.mark();
            send(alice, room, "counted");
            socket.await(mark, type("message"));
        }
        var reply = anonymous().get("/actuator/prometheus");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body())
                .contains("jvm_memory_used_bytes")
                .contains("http_server_requests")
                .contains("chat_sockets_open")
                .contains("chat_messages_stored_total")
                .contains("chat_messages_batch_duration_seconds")
                .contains("chat_sockets_closed_slow_total")
                .contains("hikaricp_connections_active")
                .contains("chat_fanout_latency_seconds_bucket");
        assertThat(sample(reply.body(), "chat_fanout_latency_seconds_count")).isPositive();
        if (redisUrl() != null) {
            assertThat(sample(reply.body(), "chat_bus_lag_seconds_count")).isPositive();
        }
    }

    /** The value of a sample without labels in a Prometheus scrape. */
    private static double sample(String scrape, String name) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void openApiDescribesTheChatApi() {
        String spec = anonymous().get("/v3/api-docs").body();

        assertThat(spec).contains("/api/chat/rooms").contains("/api/chat/rooms/{roomId}/send_message");
    }
}
