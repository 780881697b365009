package com.sudamall.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Security headers on every kind of answer: API success and errors, the integration API, the firewall's refusals,
 * unknown paths, probes, static files, and the web client's page (which may be framed only as its CSP says).
 */
class SecurityHeadersIntegrationTests extends IntegrationTest {

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        ChatClient alice = login("alice");
        List<Reply> answers = List.of(
                alice.get("rooms/"),
                alice.send("POST", "rooms/", "application/json", "{"),
                anonymous().get("rooms/"),
                platform().get("/api/integration/users/nobody-here/export"),
                alice.get("rooms/%2500/"),
                anonymous().get("/no/such/page"),
                anonymous().get("/actuator/health"),
                anonymous().get("/css/app.css"),
                anonymous().get("/"));
        for (Reply answer : answers) {
            String where = answer.method() + " " + answer.path() + " " + answer.status();
            assertThat(header(answer, "X-Content-Type-Options")).as(where).isEqualTo("nosniff");
            assertThat(header(answer, "Referrer-Policy")).as(where).isEqualTo("no-referrer");
            if (answer.path().equals("/")) {
                assertThat(header(answer, "Content-Security-Policy"))
                        .as(where)
                        .contains("script-src 'self'")
                        .contains("frame-ancestors 'self'");
                assertThat(answer.headers().firstValue("X-Frame-Options"))
                        .as(where)
                        .isEmpty();
            } else {
                assertThat(header(answer, "X-Frame-Options")).as(where).isEqualTo("DENY");
            }
            if (answer.path().startsWith("/api/")) {
                assertThat(header(answer, "Cache-Control")).as(where).contains("no-store");
            }
        }
    }

    private static String header(Reply reply, String name) {
        return reply.headers().firstValue(name).orElse("(missing)");
    }
}
