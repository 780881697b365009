package com.sudamall.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document says what the service really does: documented calls are replayed and their answers
 * (status, fields, error codes) compared with what the document promised for that operation.
 */
class ApiDocsIntegrationTests extends IntegrationTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private static final byte[] MINIMAL_PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JsonNode api;

    @BeforeEach
    void readTheDocument() {
        api = anonymous().get("/v3/api-docs").expect(200);
    }

    @Test
    void theDocumentIsNamedAndEveryOperationSaysHowToAuthenticate() {
        assertThat(api.path("info").path("title").asString()).isEqualTo("Sudamall Chat API");
        assertThat(api.path("info").path("version").asString()).isNotEqualTo("v0");
        JsonNode schemes = api.path("components").path("securitySchemes");
        assertThat(schemes.path("bearer").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("bearer").path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(schemes.path("service_key").path("scheme").asString()).isEqualTo("bearer");

        operations().forEach((where, operation) -> {
            String path = where.substring(where.indexOf(' ') + 1);
            List<String> schemesUsed = operation
                    .path("security")
                    .valueStream()
                    .flatMap(requirement -> requirement.propertyNames().stream())
                    .toList();
            if (path.startsWith("/api/auth/")) {
                assertThat(schemesUsed).as(where).isEmpty();
            } else {
                assertThat(schemesUsed)
                        .as(where)
                        .containsExactly(path.startsWith("/api/integration/") ? "service_key" : "bearer");
            }
        });
    }

    @Test
    void theCallerIsNeverAParameterAndUploadsAreFiles() {
        operations().forEach((where, operation) -> {
            for (JsonNode parameter : operation.path("parameters")) {
                assertThat(parameter.path("name").asString()).as(where).isNotIn("user", "Authorization");
            }
        });
        assertThat(api.path("components").path("schemas").has("CurrentUser")).isFalse();

        JsonNode upload = formOf(operation("post", "/api/chat/attachments"));
        assertThat(upload.path("properties").path("file").path("format").asString())
                .isEqualTo("binary");
        assertThat(upload.path("properties").has("room_id")).isTrue();
        assertThat(upload.path("required").valueStream().map(JsonNode::asString))
                .contains("file", "room_id");
        JsonNode sendFile = formOf(operation("post", "/api/chat/rooms/{roomId}/send_message"));
        assertThat(sendFile.path("properties").path("file").path("format").asString())
                .isEqualTo("binary");
        assertThat(sendFile.path("properties").has("client_msg_id")).isTrue();
    }

    @Test
    void documentedSchemasNameTheFieldsTheJsonHas() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        JsonNode room = privateRoom(alice, bob);
        JsonNode message = send(alice, roomId(room), "hello");

        assertThat(documentedFields("Message")).containsAll(message.propertyNames());
        assertThat(documentedFields("RoomJson")).containsAll(room.propertyNames());
    }

    @Test
    void anAnonymousCallerGetsTheDocumented401Everywhere() {
        List<String> failures = new ArrayList<>();
        operations().forEach((where, operation) -> {
            String method = where.substring(0, where.indexOf(' '));
            String path = where.substring(where.indexOf(' ') + 1);
            if (path.startsWith("/api/auth/")) {
                return;
            }
            Reply reply = anonymous()
                    .send(method.toUpperCase(), path.replaceAll("\\{[^}]+}", "x1"), "application/json", "{}");
            String code = reply.json().path("code").asString();
            if (reply.status() != 401
                    || !FuzzIntegrationTests.documentedCodes(operation, 401).contains(code)) {
                failures.add(where + " → " + reply.status() + " " + code);
            }
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void documentedCallsAnswerWithADocumentedStatus() {
        ChatClient alice = login("alice");
        ChatClient owner = login("owner", "store_owner");
        ChatClient moderator = login("moira", "moderator");
        String store = createStore(owner);
        String room = roomId(customerStoreRoom(alice, store, owner.id));

        replay(
                alice,
                "post",
                "/api/chat/rooms",
                Map.of("participants", List.of(owner.id), "room_type", "customer_store", "store", store),
                200);
        JsonNode sent = replay(
                        alice, "post", "/api/chat/rooms/{roomId}/send_message", room, Map.of("content", "hi"), 201)
                .json();
        replay(alice, "post", "/api/chat/rooms/{roomId}/send_message", room, Map.of("content", ""), 400);
        Reply file =
                alice.upload("rooms/" + room + "/send_message/", Map.of("content", "a note"), "note.pdf", MINIMAL_PDF);
        expectDocumented(file, "post", "/api/chat/rooms/{roomId}/send_message", 201);
        Reply upload = alice.upload("attachments/", Map.of(), "note.txt", "no room".getBytes());
        expectDocumented(upload, "post", "/api/chat/attachments", 400);
        String message = sent.path("id").asString();
        expectDocumented(
                alice.post("/api/chat/messages/" + message + "/flag/", Map.of("reason", "spam")),
                "post",
                "/api/chat/messages/{messageId}/flag",
                201);
        expectDocumented(
                alice.post("/api/chat/moderation/messages/" + message + "/reject/", Map.of()),
                "post",
                "/api/chat/moderation/messages/{messageId}/reject",
                403);
        expectDocumented(
                moderator.post("/api/chat/moderation/users/" + alice.id + "/mute/", Map.of("duration_minutes", 5)),
                "post",
                "/api/chat/moderation/users/{userId}/mute",
                200);
        expectDocumented(
                moderator.delete("/api/chat/moderation/users/" + alice.id + "/mute/"),
                "delete",
                "/api/chat/moderation/users/{userId}/mute",
                204);
        expectDocumented(
                alice.delete("rooms/" + room + "/messages/" + message + "/"),
                "delete",
                "/api/chat/rooms/{roomId}/messages/{messageId}",
                204);
        expectDocumented(
                platform().put("/api/integration/users/" + freshId("u"), Map.of("name", "Newcomer")),
                "put",
                "/api/integration/users/{id}",
                201);
        expectDocumented(
                alice.get("/api/chat/rooms/" + room + "/messages/?page=99999999999999"),
                "get",
                "/api/chat/rooms/{roomId}/messages",
                400);
    }

    private Reply replay(ChatClient caller, String method, String template, Map<String, ?> body, int expected) {
        Reply reply = caller.send(method.toUpperCase(), template + "/", "application/json", toJson(body));
        return expectDocumented(reply, method, template, expected);
    }

    private Reply replay(
            ChatClient caller, String method, String template, String roomId, Map<String, ?> body, int expected) {
        Reply reply = caller.send(
                method.toUpperCase(), template.replace("{roomId}", roomId) + "/", "application/json", toJson(body));
        return expectDocumented(reply, method, template, expected);
    }

    /** The answer is the one expected, its status is documented, and so is its code when it is an error. */
    private Reply expectDocumented(Reply reply, String method, String template, int expected) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(expected);
        JsonNode operation = operation(method, template);
        assertThat(operation.path("responses").has(String.valueOf(expected)))
                .as(method + " " + template + " documents " + expected)
                .isTrue();
        if (expected >= 400) {
            assertThat(FuzzIntegrationTests.documentedCodes(operation, expected))
                    .as(reply.toString())
                    .contains(reply.json().path("code").asString());
        }
        return reply;
    }

    private Set<String> documentedFields(String schema) {
        return Set.copyOf(api.path("components")
                .path("schemas")
                .path(schema)
                .path("properties")
                .propertyNames());
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = api.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
        return operation;
    }

    private static JsonNode formOf(JsonNode operation) {
        return operation
                .path("requestBody")
                .path("content")
                .path("multipart/form-data")
                .path("schema");
    }

    /** Every operation of the document, keyed {@code "method path"}. */
    private Map<String, JsonNode> operations() {
        return api.path("paths").properties().stream()
                .flatMap(path -> METHODS.stream()
                        .filter(method -> path.getValue().has(method))
                        .map(method -> Map.entry(
                                method + " " + path.getKey(), path.getValue().path(method))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String toJson(Map<String, ?> body) {
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(body);
    }
}
