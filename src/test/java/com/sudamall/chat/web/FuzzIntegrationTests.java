package com.sudamall.chat.web;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.Reply;
import com.sudamall.chat.support.SocketClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad input, tried systematically: every REST operation of the OpenAPI document with hostile path values and
 * bodies, and every WebSocket frame type with wrong values. Every answer must be a 4xx (a problem with a {@code
 * code} when it is JSON) or an {@code error} frame: never a 500, never a closed socket, and another user's room
 * must come out unchanged. The random part is seeded, so a failure repeats.
 */
class FuzzIntegrationTests extends IntegrationTest {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private static final List<String> HOSTILE_IDS = List.of(
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "../../etc/passwd",
            "' OR '1'='1",
            "<script>alert(1)</script>",
            "%00",
            "9".repeat(300),
            "ü𝄞漢字",
            "-1");

    private static final List<String> HOSTILE_BODIES = List.of(
            "",
            "{",
            "null",
            "[]",
            "\"just a string\"",
            "42",
            "{\"content\": 42, \"participants\": \"u1\", \"room_type\": [], \"up_to\": {}, \"ids\": \"x\", \"all\": \"yes\"}",
            "{\"content\": null, \"store\": null, \"product\": null, \"order\": null, \"user\": null, \"reason\": null}",
            "{\"content\": \"" + "x".repeat(200_000) + "\"}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
            "{\"content\": \"'; DROP TABLE messages; --\", \"name\": \"<img src=x onerror=alert(1)>\"}",
            "{\"participants\": [\"../../etc\", \"' OR 1=1\"], \"room_type\": \"private\"}",
            "{\"duration_minutes\": 99999999999999999999, \"limit\": -1, \"max_participants\": 1e309}",
            "{\"email_alerts\": \"true\", \"legal_hold\": 1, \"is_moderated\": \"no\"}",
            "{\"business_hours\": {\"mon\": [[\"25:00\", \"99:99\"]]}, \"timezone\": \"Mars/Olympus\"}");

    @Test
    void everyRestOperationRefusesHostileInputWithA4xx() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient outsider = login("mallory");
        String room = roomId(privateRoom(alice, bob));
        send(alice, room, "the original");
        // the platform may post into any room: it gets a room of its own to be fuzzed with
        String platformRoom = roomId(privateRoom(login("carol"), login("dave")));

        JsonNode api = anonymous().get("/v3/api-docs").expect(200);
        Random random = new Random(42);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        api.path("paths").properties().iterator();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/api/auth")) {
                continue; // dev login: its bad input has its own tests
            }
            boolean integration = path.getKey().startsWith("/api/integration");
            ChatClient caller = integration ? platform() : outsider;
            String realRoom = integration ? platformRoom : room;
            for (String method : path.getValue().propertyNames()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                JsonNode operation = path.getValue().path(method);
                for (String id : HOSTILE_IDS) {
                    String target = fill(path.getKey(), id, realRoom);
                    String body = HOSTILE_BODIES.get(random.nextInt(HOSTILE_BODIES.size()));
                    Reply reply = caller.send(method.toUpperCase(), target, "application/json", body);
                    requests++;
                    check(reply, operation, failures);
                }
                // the real room, hostile bodies: an outsider gets nowhere whatever the body says
                for (String body : HOSTILE_BODIES) {
                    Reply reply = caller.send(
                            method.toUpperCase(), fill(path.getKey(), null, realRoom), "application/json", body);
                    requests++;
                    check(reply, operation, failures);
                }
                Reply invalidUtf8 = caller.sendBytes(
                        method.toUpperCase(), fill(path.getKey(), null, realRoom), "application/json", new byte[] {
                            '{', '"', 'c', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'
                        });
                requests++;
                check(invalidUtf8, operation, failures);
            }
        }
        assertThat(requests).isGreaterThan(500);
        assertThat(failures).isEmpty();

        JsonNode history = alice.get("rooms/" + room + "/messages/?limit=10").expect(200);
        assertThat(history.path("messages")
                        .valueStream()
                        .map(m -> m.path("content").asString()))
                .containsExactly("the original");
        assertThat(alice.get("rooms/" + room + "/")
                        .expect(200)
                        .path("participants")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void everyFrameTypeRefusesWrongValuesWithAnErrorFrameAndTheSocketStaysOpen() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String elsewhere = roomId(privateRoom(bob, login("carol")));
        List<Object> frames = new ArrayList<>();
        for (String typeName : List.of("text", "typing", "read", "resume", "ping", "nonsense", "")) {
            for (Object value : List.<Object>of(
                    42, "x".repeat(100_000), List.of(1, 2), Map.of("a", Map.of("b", 1)), "' OR 1=1", "../x")) {
                frames.add(Map.of(
                        "type", typeName,
                        "content", value,
                        "is_typing", value,
                        "up_to", value,
                        "after_seq", value,
                        "reply_to", value,
                        "client_msg_id", value));
            }
            frames.add(Map.of("type", typeName, "room_id", elsewhere, "content", "into a room I'm not in"));
        }
        frames.add("{\"type\": ");
        frames.add("[".repeat(10_000));
        frames.add("\u0000\u0001\u0002");
        frames.add("null");

        try (SocketClient socket = userSocket(alice)) {
            for (Object frame : frames) {
                socket.send(frame);
            }
            socket.send(Map.of("type", "ping", "room_id", room));
            socket.await(type("pong"));
            assertThat(socket.frames()).filteredOn(type("error")).isNotEmpty();
            assertThat(socket.frames())
                    .filteredOn(type("error"))
                    .allSatisfy(f -> assertThat(f.path("code").asString()).isNotEqualTo("internal_error"));
        }
        try (SocketClient roomSocket = roomSocket(alice, room)) {
            for (Object frame : frames) {
                roomSocket.send(frame);
            }
            roomSocket.send(Map.of("type", "ping"));
            roomSocket.await(type("pong"));
            assertThat(roomSocket.frames())
                    .filteredOn(type("error"))
                    .allSatisfy(f -> assertThat(f.path("code").asString()).isNotEqualTo("internal_error"));
        }
        assertThat(bob.get("rooms/" + elsewhere + "/messages/?limit=10")
                        .expect(200)
                        .path("messages")
                        .isEmpty())
                .isTrue();
    }

    private static String fill(String template, String hostile, String room) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = hostile != null ? hostile : m.group(1).toLowerCase().contains("room") ? room : "not-a-uuid";
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A 4xx with a code, and one the OpenAPI document lists for this operation and status. */
    private static void check(Reply reply, JsonNode operation, List<String> failures) {
        String where = reply.method() + " " + reply.path() + " → " + reply.status();
        if (reply.status() >= 500) {
            failures.add(where + " " + abbreviate(reply.body()));
        } else if (reply.status() >= 400
                && reply.headers().firstValue("Content-Type").orElse("").contains("json")) {
            String code = reply.json().path("code").asString("");
            if (code.isEmpty()) {
                failures.add(where + " without a code: " + abbreviate(reply.body()));
            } else if (!documentedCodes(operation, reply.status()).contains(code)) {
                failures.add(
                        where + " " + code + " is not in the OpenAPI document of " + operation.path("operationId"));
            }
        }
    }

    /** The codes an operation's OpenAPI answer for a status lists (the allOf part that narrows {@code code}). */
    static List<String> documentedCodes(JsonNode operation, int status) {
        JsonNode schema = operation
                .path("responses")
                .path(String.valueOf(status))
                .path("content")
                .path("application/problem+json")
                .path("schema");
        return schema.path("allOf")
                .valueStream()
                .flatMap(part ->
                        part.path("properties").path("code").path("enum").valueStream())
                .map(JsonNode::asString)
                .toList();
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
