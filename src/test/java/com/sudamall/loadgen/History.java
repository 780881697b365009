package com.sudamall.loadgen;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The history scenario: 50-message pages read from a room of 100,000 messages while the database holds 1,000,000.
 * The messages are written straight into the service's tables (sending a million through the API would take most
 * of the benchmark's time); the pages are read through the REST API, as a client scrolling back does.
 */
final class History {

    static final int PAGE = 50;
    private static final String SEQ = "\"seq\":";
    /** Readers at once: more than the service needs at the rates it keeps up with. */
    private static final int READERS = 32;

    /**
     * Where the service keeps its data.
     *
     * @param url JDBC URL, schema included
     * @param user database user
     */
    record Database(String url, String user) {}

    private final Api api;
    private final String token;
    private final String roomId;
    private final long messages;

    /** Reads {@code roomId}, of {@code messages} messages, as the member whose token is {@code token}. */
    History(Api api, String token, String roomId, long messages) {
        this.api = api;
        this.token = token;
        this.roomId = roomId;
        this.messages = messages;
    }

    /**
     * Writes {@code perRoom} messages into each room, seq 1 to {@code perRoom}, sent alternately by its two
     * members over the past {@code perRoom} seconds, and moves each room's counter to match (PostgreSQL).
     */
    static void seed(Database database, List<String> roomIds, List<List<String>> members, int perRoom) {
        String insert = """
                INSERT INTO messages (id, room_id, seq, sender_id, message_type, content, sent_at)
                SELECT gen_random_uuid(), CAST(? AS uuid), s, CASE WHEN s % 2 = 0 THEN ? ELSE ? END, 'text',
                       'history ' || s || ': when will my order ship, and can I still change the colour?',
                       now() - make_interval(secs => ? - s)
                  FROM generate_series(1, ?) AS s
                """;
        String counter = """
                UPDATE rooms SET last_seq = ?, last_message_at = now(), activity_at = now() WHERE id = CAST(? AS uuid)
                """;
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
                PreparedStatement messages = connection.prepareStatement(insert);
                PreparedStatement rooms = connection.prepareStatement(counter);
                Statement analyze = connection.createStatement()) {
            for (int i = 0; i < roomIds.size(); i++) {
                messages.setString(1, roomIds.get(i));
                messages.setString(2, members.get(i).get(0));
                messages.setString(3, members.get(i).get(1));
                messages.setInt(4, perRoom);
                messages.setInt(5, perRoom);
                messages.executeUpdate();
                rooms.setInt(1, perRoom);
                rooms.setString(2, roomIds.get(i));
                rooms.executeUpdate();
            }
            analyze.execute("ANALYZE messages");
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the history at " + database.url(), e);
        }
    }

    /**
     * Asks for {@code rate} pages a second for {@code seconds}: one in ten the newest page, the others a page
     * before a random point of the room (a client scrolling back), none marking anything read. A page that fails,
     * or does not hold 50 messages, counts as lost.
     */
    Step run(String server, ServerProcess target, double rate, double seconds) {
        Latencies latencies = new Latencies();
        AtomicLong answered = new AtomicLong();
        long total = (long) (rate * seconds);
        CountDownLatch done = new CountDownLatch((int) total);
        CpuWindow cpu = CpuWindow.open(target);
        long sendingNanos;
        try (ExecutorService readers = Executors.newFixedThreadPool(READERS)) {
            sendingNanos = Pacing.run(rate, seconds, (i, due) -> {
                String path = "/api/chat/rooms/" + roomId + "/messages/?limit=" + PAGE + "&mark_read=false"
                        + (i % 10 == 0
                                ? ""
                                : "&before_seq=" + ThreadLocalRandom.current().nextLong(PAGE + 1, messages + 2));
                readers.execute(() -> {
                    try {
                        if (count(api.getText(path, token)) == PAGE) {
                            // from when the page was due, so a queue in front of busy readers counts too
                            latencies.record(System.nanoTime() - due);
                            answered.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        // not answered: counted as lost
                    } finally {
                        done.countDown();
                    }
                });
            });
            done.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        CpuWindow.Usage used = cpu.close();
        double window = sendingNanos / 1e9;
        return new Step(
                "history",
                server,
                rate,
                total,
                total,
                answered.get(),
                total - answered.get(),
                0,
                total / window,
                answered.get() / window,
                latencies.percentileMillis(50),
                latencies.percentileMillis(90),
                latencies.percentileMillis(99),
                latencies.maxMillis(),
                used.serverSeconds() / Math.max(1, total) * 1000,
                used.serverShare(),
                used.loadgenShare(),
                used.databaseShare(),
                used.redisShare());
    }

    /** The messages in a page: each has one {@code seq} (seeded messages reply to nothing). */
    private static int count(String page) {
        int found = 0;
        for (int at = page.indexOf(SEQ); at >= 0; at = page.indexOf(SEQ, at + SEQ.length())) {
            found++;
        }
        return found;
    }
}
