package com.sudamall.chat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.ExtraNode;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tokens are verified, never trusted by shape; the caller's profile comes from their claims. */
class AuthenticationIntegrationTests extends IntegrationTest {

    private static final String SECRET = "sudamall-chat-dev-secret-0123456789abcdef";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void devLoginGivesAWorkingToken() {
        ChatClient user = login("user");

        user.get("rooms/").expect(200);
    }

    @Test
    void devLoginNeedsAValidUserId() {
        anonymous().post("/api/auth/dev-login", Map.of()).expectProblem(400, "validation_failed");
        anonymous()
                .post("/api/auth/dev-login", Map.of("user_id", "has spaces"))
                .expectProblem(400, "validation_failed");
    }

    @Test
    void missingOrGarbageTokensGet401() {
        anonymous().get("rooms/").expectProblem(401, "unauthorized");
        withToken("garbage").get("rooms/").expectProblem(401, "unauthorized");
    }

    @Test
    void aPlatformTokenIsAcceptedAndItsClaimsBecomeTheProfile() {
        String id = freshId("platform-user");
        ChatClient user = withToken(token(claims(id, "sudamall-chat-dev", "sudamall-chat", 3600), SECRET, "HS256"));

        user.get("rooms/").expect(200);
        JsonNode room = user.post("rooms/", Map.of("participants", List.of(login("bob").id)))
                .expect(201);

        assertThat(room.toString()).contains("Platform Person");
    }

    @Test
    void tamperedExpiredForeignAndUnsignedTokensGet401() {
        String id = freshId("u");
        String wrongSecret = token(
                claims(id, "sudamall-chat-dev", "sudamall-chat", 3600), "another-secret-0123456789abcdef-xyz", "HS256");
        String expired = token(claims(id, "sudamall-chat-dev", "sudamall-chat", -60), SECRET, "HS256");
        String wrongAudience = token(claims(id, "sudamall-chat-dev", "someone-else", 3600), SECRET, "HS256");
        String wrongIssuer = token(claims(id, "evil", "sudamall-chat", 3600), SECRET, "HS256");
        String unsigned = token(claims(id, "sudamall-chat-dev", "sudamall-chat", 3600), null, "none");

        for (String token : List.of(wrongSecret, expired, wrongAudience, wrongIssuer, unsigned)) {
            withToken(token).get("rooms/").expectProblem(401, "unauthorized");
        }
    }

    @Test
    void productionRefusesDevLoginAndTheDevKeysAndTakesThePlatformsTokens() {
        String secret = "production-secret-" + UUID.randomUUID();
        try (ExtraNode production = ExtraNode.start(
                "--spring.profiles.active=prod",
                "--chat.identity.dev-mode=false",
                "--chat.identity.jwt-secret=" + secret,
                "--chat.identity.issuer=marketplace",
                "--chat.identity.service-key=production-service-key-" + UUID.randomUUID())) {
            int port = production.port();
            Reply devLogin = new ChatClient(port, null, "anonymous", "anonymous")
                    .post("/api/auth/dev-login", Map.of("user_id", "mallory", "roles", List.of("admin")));
            String id = freshId("platform-user");

            assertThat(devLogin.status()).isIn(401, 404);
            assertThat(devLogin.body()).doesNotContain("token");
            new ChatClient(port, "dev-service-key", "platform", "platform")
                    .put("/api/integration/users/" + id, Map.of("name", "Mallory"))
                    .expectProblem(401, "unauthorized");
            new ChatClient(port, token(claims(id, "sudamall-chat-dev", "sudamall-chat", 3600), SECRET, "HS256"), id, id)
                    .get("rooms/")
                    .expectProblem(401, "unauthorized");
            new ChatClient(port, token(claims(id, "marketplace", "sudamall-chat", 3600), secret, "HS256"), id, id)
                    .get("rooms/")
                    .expect(200);
        }
    }

    @Test
    void devModeUnderTheProductionProfileRefusesToStart() {
        assertThat(ExtraNode.refusal("--spring.profiles.active=prod", "--chat.identity.dev-mode=true"))
                .hasStackTraceContaining("dev mode (dev login) is on under a production profile");
    }

    @Test
    void wsTicketsAreIssuedToUsers() {
        JsonNode ticket = login("user").post("ws-ticket/", Map.of()).expect(200);

        assertThat(ticket.path("ticket").asString()).hasSizeGreaterThan(20);
        assertThat(ticket.path("expires_in").asInt()).isEqualTo(30);
    }

    private static Map<String, Object> claims(String sub, String issuer, String audience, long expiresIn) {
        long now = Instant.now().getEpochSecond();
        return Map.of(
                "sub",
                sub,
                "iss",
                issuer,
                "aud",
                audience,
                "iat",
                now,
                "exp",
                now + expiresIn,
                "name",
                "Platform Person",
                "roles",
                List.of("customer"));
    }

    private static String token(Map<String, Object> claims, String secret, String alg) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", alg, "typ", "JWT")));
        String payload = b64.encodeToString(JSON.writeValueAsBytes(claims));
        if (secret == null) {
            return header + "." + payload + ".";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return header + "." + payload + "."
                    + b64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
