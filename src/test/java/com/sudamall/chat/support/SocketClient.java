package com.sudamall.chat.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket client as a test sees one: it keeps every frame it receives and waits, with a timeout, for frames
 * matching a predicate. Built on the JDK's own client, so tests speak the wire protocol like any other client.
 */
public final class SocketClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private volatile boolean paused;
    private final WebSocket socket;

    private SocketClient(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener())
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Opens {@code ws://host:port/<path>}; fails when the handshake fails. */
    public static SocketClient connect(int port, String pathAndQuery) {
        return connect(port, pathAndQuery, Map.of());
    }

    /** Opens the socket with extra handshake headers (a cookie, an origin). */
    public static SocketClient connect(int port, String pathAndQuery, Map<String, String> headers) {
        return new SocketClient(URI.create("ws://127.0.0.1:" + port + pathAndQuery), headers);
    }

    /**
     * Waits until the server has taken the socket in (subscribed it, caught it up): it answers frames only then.
     * A test that makes something happen right after opening a socket waits for this first.
     */
    public SocketClient ready() {
        int mark = mark();
        send(Map.of("type", "ping"));
        await(
                mark,
                f -> "pong".equals(f.path("type").asString())
                        || "error".equals(f.path("type").asString()));
        return this;
    }

    public void send(Object frame) {
        String text = frame instanceof String s ? s : JSON.writeValueAsString(frame);
        socket.sendText(text, true).join();
    }

    /** Index of the next frame to arrive: pass it as {@code from} to look only at later frames. */
    public int mark() {
        return frames.size();
    }

    public JsonNode await(Predicate<JsonNode> matching) {
        return await(0, matching);
    }

    /** The first frame from index {@code from} on that matches. */
    public JsonNode await(int from, Predicate<JsonNode> matching) {
        Awaitility.await().atMost(WAIT).until(() -> find(from, matching) != null);
        return find(from, matching);
    }

    /** Fails if a matching frame arrives within {@code window}. */
    public void assertNone(Predicate<JsonNode> matching, Duration window) {
        int from = mark();
        Awaitility.await().pollDelay(window).atMost(window.plusSeconds(1)).until(() -> true);
        assertThat(frames.subList(from, frames.size())).noneMatch(matching);
    }

    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** The close code the server sent, waiting for it. */
    public int awaitClose() {
        return closeCode.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /**
     * Stops reading after the frame being read: the client's network buffers fill and the server sees a client too
     * slow to read.
     */
    public void pauseReading() {
        paused = true;
    }

    public void resumeReading() {
        paused = false;
        socket.request(1);
    }

    public boolean isOpen() {
        return !socket.isOutputClosed() && !closeCode.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }

    /** Frame predicates. */
    public static Predicate<JsonNode> type(String type) {
        return f -> type.equals(f.path("type").asString());
    }

    public static Predicate<JsonNode> messageWithContent(String content) {
        return f -> "message".equals(f.path("type").asString())
                && content.equals(f.path("message").path("content").asString());
    }

    private JsonNode find(int from, Predicate<JsonNode> matching) {
        List<JsonNode> seen = frames;
        for (int i = from; i < seen.size(); i++) {
            if (matching.test(seen.get(i))) {
                return seen.get(i);
            }
        }
        return null;
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }
}
