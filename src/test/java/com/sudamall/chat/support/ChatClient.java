package com.sudamall.chat.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One caller of the service over HTTP: a logged-in user, the platform with its service key, or nobody. Paths are
 * relative to {@code /api/chat/} unless they start with {@code /}.
 */
public final class ChatClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final @Nullable String token;
    public final String id;
    public final String name;

    public ChatClient(int port, @Nullable String token, String id, String name) {
        this.port = port;
        this.token = token;
        this.id = id;
        this.name = name;
    }

    public @Nullable String token() {
        return token;
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, "application/json", JSON.writeValueAsString(body));
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, "application/json", JSON.writeValueAsString(body));
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, "application/json", JSON.writeValueAsString(body));
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    /**
     * A multipart/form-data POST: the text fields, then one file part named {@code file} (none when {@code fileName}
     * is null).
     */
    public Reply upload(String path, Map<String, String> fields, @Nullable String fileName, byte[] content) {
        String boundary = "----chat-test-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        if (fileName != null) {
            body.writeBytes(("--" + boundary + "\r\n"
                            + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                            + "Content-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return sendBytes("POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /**
     * What a download got back.
     *
     * @param status response status
     * @param headers response headers
     * @param body the bytes
     */
    public record Download(int status, HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    /** A GET whose body is bytes, with extra request headers given as name, value, name, value... */
    public Download download(String path, String... headers) {
        String target = path.startsWith("/") ? path : "/api/chat/" + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .timeout(Duration.ofSeconds(15))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any request with a raw body and content type, for malformed input. */
    public Reply send(String method, String path, @Nullable String contentType, @Nullable String body) {
        return sendBytes(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Any request with raw bytes, for bodies that are not even valid UTF-8. */
    public Reply sendBytes(String method, String path, @Nullable String contentType, byte @Nullable [] body) {
        String target = path.startsWith("/") ? path : "/api/chat/" + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                .timeout(Duration.ofSeconds(15))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method, target, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
