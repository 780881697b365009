package com.sudamall.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's REST API as the load generator uses it to set up a scenario: dev login, stores, rooms. */
final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE_KEY = "dev-service-key";

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Api(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    /** Logs the user in through dev login and returns their token. */
    String login(String userId, String role) {
        return call("POST", "/api/auth/dev-login", null, Map.of("user_id", userId, "roles", List.of(role)))
                .path("token")
                .asString();
    }

    void putStore(String storeId, String ownerId) {
        call(
                "PUT",
                "/api/integration/stores/" + storeId,
                SERVICE_KEY,
                Map.of("name", "Store " + storeId, "owner", ownerId, "timezone", "UTC"));
    }

    String customerStoreRoom(String customerToken, String storeId, String ownerId) {
        return call(
                        "POST",
                        "/api/chat/rooms/",
                        customerToken,
                        Map.of("participants", List.of(ownerId), "room_type", "customer_store", "store", storeId))
                .path("room_id")
                .asString();
    }

    String groupRoom(String creatorToken, List<String> participants) {
        return call(
                        "POST",
                        "/api/chat/rooms/",
                        creatorToken,
                        Map.of(
                                "participants",
                                participants,
                                "room_type",
                                "group",
                                "max_participants",
                                participants.size() + 1))
                .path("room_id")
                .asString();
    }

    void send(String token, String roomId, String content) {
        call("POST", "/api/chat/rooms/" + roomId + "/send_message/", token, Map.of("content", content));
    }

    /** The body of a GET, as text: the history scenario scans it rather than parse it. */
    String getText(String path, String token) {
        return exchange("GET", path, token, null);
    }

    JsonNode call(String method, String path, String token, Object body) {
        String text = exchange(method, path, token, body);
        return text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
    }

    private String exchange(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json");
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        method + " " + path + " → " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
