package com.sudamall.chat.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's end of the webhooks, as a real HTTP server: it records every request, and answers 500 to as many
 * deliveries of an event type as it is told to fail.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String event, String delivery, String timestamp, String signature, String body) {

        public JsonNode json() {
            return JsonMapper.builder().build().readTree(body);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next {@code times} deliveries of {@code eventType} get a 500. */
    public void fail(String eventType, int times) {
        failures.put(eventType, new AtomicInteger(times));
    }

    /** Every delivery whose body contains {@code marker} gets a 500, for ever. */
    public void refuseContaining(String marker) {
        refused.add(marker);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        String event = headers.getFirst("X-Chat-Event");
        received.add(new Received(
                event,
                headers.getFirst("X-Chat-Delivery"),
                headers.getFirst("X-Chat-Timestamp"),
                headers.getFirst("X-Chat-Signature"),
                body));
        AtomicInteger toFail = event == null ? null : failures.get(event);
        boolean refuse = refused.stream().anyMatch(body::contains);
        int status = refuse || toFail != null && toFail.getAndDecrement() > 0 ? 500 : 204;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
