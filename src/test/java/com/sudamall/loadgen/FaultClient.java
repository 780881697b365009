package com.sudamall.loadgen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One user of the fault suite on a room socket, behaving as a well-written client: every message carries a
 * {@code client_msg_id} and is sent again, with the same id, until it is acked (after an {@code error} frame's
 * {@code retry_after}, after a reconnect, or after 5 s without an answer). While the service says it is
 * {@code unavailable}, only the oldest unacked message is tried again, and the others follow once it is acked: a
 * client that resent everything every second would greet the recovered database with a flood. A dropped socket reconnects at once with
 * {@code after_seq} set to the last seq it holds without a gap, to its node while that node answers and to the next
 * one when it does not (or when it said it is going away, as a load balancer would move it).
 */
final class FaultClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long ACK_WAIT_MILLIS = 5_000;
    private static final int GOING_AWAY = 1001;

    private final int index;
    private final String token;
    private final String roomId;
    private final String idPrefix;
    private final List<String> nodes;
    private final HttpClient http;
    private final FaultJournal journal;
    private final long periodMillis;
    private final BitSet seen = new BitSet();
    /** Unacked messages: client_msg_id → when to send it (again). */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();

    private final AtomicReference<@Nullable WebSocket> socket = new AtomicReference<>();
    private volatile int node;
    private volatile boolean sending = true;
    private volatile boolean running = true;
    private volatile boolean everConnected;
    /** Since an {@code unavailable} error frame, until the next ack. */
    private volatile boolean unavailable;

    private int counter;

    FaultClient(
            int index,
            String token,
            String roomId,
            String idPrefix,
            List<String> nodes,
            int node,
            HttpClient http,
            FaultJournal journal,
            long periodMillis) {
        this.index = index;
        this.token = token;
        this.roomId = roomId;
        this.idPrefix = idPrefix;
        this.nodes = nodes;
        this.node = node;
        this.http = http;
        this.journal = journal;
        this.periodMillis = periodMillis;
    }

    void start() {
        Thread.ofVirtual().name("fault-client-" + index).start(this::loop);
    }

    boolean connected() {
        return socket.get() != null;
    }

    String roomId() {
        return roomId;
    }

    int index() {
        return index;
    }

    /** Closes the socket normally and reconnects to {@code target}: a client rebalanced by its load balancer. */
    void moveTo(int target) {
        node = target;
        WebSocket ws = socket.getAndSet(null);
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "moving").exceptionally(e -> null);
        }
    }

    void stopSending() {
        sending = false;
    }

    int unacked() {
        return pending.size();
    }

    /** Whether every one of {@code seqs} has reached this client. */
    boolean hasSeen(List<Long> seqs) {
        synchronized (seen) {
            return seqs.stream().allMatch(seq -> seen.get(Math.toIntExact(seq)));
        }
    }

    long missing(List<Long> seqs) {
        synchronized (seen) {
            return seqs.stream().filter(seq -> !seen.get(Math.toIntExact(seq))).count();
        }
    }

    void stop() {
        running = false;
        WebSocket ws = socket.getAndSet(null);
        if (ws != null) {
            ws.abort();
        }
    }

    private void loop() {
        long next = System.currentTimeMillis();
        while (running) {
            WebSocket ws = socket.get();
            if (ws == null) {
                connect();
                continue;
            }
            long now = System.currentTimeMillis();
            if (sending && now >= next) {
                String id = idPrefix + index + "-" + ++counter;
                journal.made(id, index);
                pending.put(id, now);
                next = Math.max(next + periodMillis, now - periodMillis);
            }
            for (String id : unavailable ? oldestPending() : List.copyOf(pending.keySet())) {
                Long due = pending.get(id);
                if (due != null && due <= now && !send(ws, id)) {
                    break;
                }
            }
            sleep(10);
        }
    }

    private List<String> oldestPending() {
        return pending.keySet().stream()
                .min(java.util.Comparator.comparingLong(
                        id -> journal.made().get(id).at()))
                .map(List::of)
                .orElse(List.of());
    }

    /** Sends one message (again); a send that fails drops the socket, and the loop reconnects. */
    private boolean send(WebSocket ws, String id) {
        pending.computeIfPresent(id, (key, due) -> System.currentTimeMillis() + ACK_WAIT_MILLIS);
        String frame =
                JSON.writeValueAsString(Map.of("type", "text", "content", "fault suite message", "client_msg_id", id));
        try {
            ws.sendText(frame, true).get(5, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            socket.compareAndSet(ws, null);
            ws.abort();
            return false;
        }
    }

    private void connect() {
        String uri = nodes.get(node) + "/ws/chat/" + roomId + "/?token=" + token + "&after_seq=" + contiguousSeq();
        Listener listener = new Listener();
        try {
            WebSocket ws = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(uri), listener)
                    .get(10, TimeUnit.SECONDS);
            socket.set(ws);
            if (listener.closed) {
                socket.compareAndSet(ws, null);
                sleep(250);
                return;
            }
            if (everConnected) {
                journal.reconnected();
            }
            everConnected = true;
            // what was in flight on the old socket goes again, under the same ids
            pending.replaceAll((id, due) -> 0L);
        } catch (Exception e) {
            node = (node + 1) % nodes.size();
            sleep(250);
        }
    }

    /** The last seq held with nothing missing before it: a resume from there fills any gap. */
    private long contiguousSeq() {
        synchronized (seen) {
            return seen.nextClearBit(1) - 1L;
        }
    }

    private void receive(String text) {
        JsonNode frame = JSON.readTree(text);
        switch (frame.path("type").asString()) {
            case "ack" -> {
                String id = frame.path("client_msg_id").asString();
                if (pending.remove(id) != null) {
                    journal.acked(id);
                }
                if (unavailable) {
                    unavailable = false;
                    pending.replaceAll((key, due) -> 0L);
                }
            }
            case "message" -> {
                JsonNode message = frame.path("message");
                long seq = message.path("seq").asLong();
                boolean again;
                synchronized (seen) {
                    again = seen.get(Math.toIntExact(seq));
                    seen.set(Math.toIntExact(seq));
                }
                if (again) {
                    journal.arrivedAgain();
                } else {
                    journal.arrived(index, message.path("client_msg_id").asString(""));
                }
            }
            case "error" -> {
                journal.error();
                unavailable = "unavailable".equals(frame.path("code").asString());
                String id = frame.path("client_msg_id").asString("");
                long retryAfter = frame.path("retry_after").asLong(1);
                pending.computeIfPresent(id, (key, due) -> System.currentTimeMillis() + retryAfter * 1000);
            }
            default -> {
                // presence, joins and pongs do not matter here
            }
        }
    }

    private static void sleep(long millis) {
        ServerProcess.sleep(millis);
    }

    private final class Listener extends TextListener {

        private volatile boolean closed;

        @Override
        void frame(String text) {
            receive(text);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            dropped(webSocket);
            if (statusCode == GOING_AWAY) {
                node = (node + 1) % nodes.size();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            dropped(webSocket);
        }

        private void dropped(WebSocket webSocket) {
            closed = true;
            socket.compareAndSet(webSocket, null);
        }
    }
}
