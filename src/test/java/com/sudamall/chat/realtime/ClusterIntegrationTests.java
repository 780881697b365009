package com.sudamall.chat.realtime;

import static com.sudamall.chat.support.SocketClient.messageWithContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.ExtraNode;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes of the service in one test, sharing the run's PostgreSQL and a real Redis, as in production: the test's
 * own context is node A, and node B is a second application started here. Runs on the Redis bus only (the
 * PostgreSQL run of CI); the in-process bus is single-node by design.
 */
class ClusterIntegrationTests extends IntegrationTest {

    private static ExtraNode nodeB;
    private static int portB;

    @BeforeAll
    static void startNodeB() {
        assumeTrue(redisUrl() != null, "two nodes need the Redis bus (CHAT_TEST_REDIS_URL with PostgreSQL)");
        nodeB = ExtraNode.start();
        portB = nodeB.port();
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void aClientOnOneNodeReceivesWhatAClientOnTheOtherSends() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient aliceOnA = roomSocket(alice, room);
                SocketClient bobOnB = onB(bob, "/ws/chat/" + room + "/")) {
            bobOnB.send(Map.of("type", "text", "content", "from B", "client_msg_id", "b-1"));
            aliceOnA.await(messageWithContent("from B"));
            bobOnB.await(messageWithContent("from B"));

            aliceOnA.send(Map.of("type", "text", "content", "from A"));
            bobOnB.await(messageWithContent("from A"));
        }
    }

    @Test
    void aTicketFromOneNodeOpensASocketOnTheOther() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        String ticket = alice.post("ws-ticket/", java.util.Map.of())
                .expect(200)
                .path("ticket")
                .asString();
        try (SocketClient onB = SocketClient.connect(portB, "/ws/chat/" + room + "/?ticket=" + ticket)) {
            onB.send(Map.of("type", "ping"));
            onB.await(f -> "pong".equals(f.path("type").asString()));
        }
        SocketClient again = SocketClient.connect(port, "/ws/chat/" + room + "/?ticket=" + ticket);
        assertThat(again.awaitClose()).isEqualTo(4401);
    }

    @Test
    void presenceAndTypingCrossNodes() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient aliceOnA = roomSocket(alice, room)) {
            SocketClient bobOnB = onB(bob, "/ws/chat/");
            aliceOnA.await(presence(bob, true));
            bobOnB.await(presence(alice, true)); // node B asks Redis who is online

            bobOnB.send(Map.of("type", "typing", "room_id", room, "is_typing", true));
            aliceOnA.await(f -> "typing".equals(f.path("type").asString())
                    && f.path("is_typing").asBoolean()
                    && bob.id.equals(f.path("user").path("id").asString()));
            // a socket opening on node A is told, from Redis, that bob (on node B) is typing
            try (SocketClient aliceAgain = roomSocket(alice, room)) {
                aliceAgain.await(f -> "typing".equals(f.path("type").asString())
                        && f.path("is_typing").asBoolean()
                        && bob.id.equals(f.path("user").path("id").asString()));
            }
            // the typing indicator expires on node B and its end reaches node A
            aliceOnA.await(f -> "typing".equals(f.path("type").asString())
                    && !f.path("is_typing").asBoolean()
                    && bob.id.equals(f.path("user").path("id").asString()));

            bobOnB.close();
            aliceOnA.await(presence(bob, false));
        }
    }

    @Test
    void aUserSocketOnOneNodeFollowsRoomsCreatedOnTheOther() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        try (SocketClient bobOnA = userSocket(bob)) {
            String room = roomId(privateRoomOnB(alice, bob));
            sendOnB(alice, room, "a new room, made on B");
            bobOnA.await(messageWithContent("a new room, made on B"));
        }
    }

    /**
     * Redis drops every connection, as in a restart, and then keeps dropping the subscribers' connections while
     * messages are sent: messages published while node A is cut off never reach it through Redis, and node A must bring its sockets up to date from the database once it is back, without the
     * client asking (no later message comes to reveal the gap). A client that reconnects and resumes gets the same messages, once each.
     */
    @Test
    void aRedisRestartLosesNothingAcked() throws InterruptedException {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient aliceOnA = roomSocket(alice, room)) {
            sendOnB(bob, room, "before");
            aliceOnA.await(messageWithContent("before"));

            List<String> acked = new ArrayList<>();
            try (RedisOutage outage = RedisOutage.begin()) {
                for (int i = 0; i < 20; i++) {
                    acked.add(sendOnB(bob, room, "during " + i).path("id").asString());
                }
            }

            Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> receivedIds(aliceOnA).containsAll(acked));
            assertThat(seqs(aliceOnA)).doesNotHaveDuplicates().isSorted();

            long lastBefore = seqs(aliceOnA).getFirst();
            try (SocketClient resumed = SocketClient.connect(
                    port, "/ws/chat/" + room + "/?after_seq=" + lastBefore + "&token=" + alice.token())) {
                Awaitility.await()
                        .atMost(java.time.Duration.ofSeconds(10))
                        .until(() -> receivedIds(resumed).containsAll(acked));
                assertThat(seqs(resumed)).doesNotHaveDuplicates().isSorted();
            }
        }
    }

    /**
     * Node B remembers who may send to a room (the send path's cache); a participant removed on node A must be
     * refused on node B too, which only the room change crossing the bus makes happen before the cache expires.
     */
    @Test
    void aParticipantRemovedOnOneNodeCannotSendOnTheOther() {
        ChatClient owner = login("owner");
        ChatClient member = login("member");
        String room = roomId(groupRoom(owner, member));
        sendOnB(member, room, "while still in");

        owner.delete("rooms/" + room + "/participants/" + member.id + "/").expect(204);

        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> asB(member)
                                .post("rooms/" + room + "/send_message/", Map.of("content", "after removal"))
                                .status()
                        == 404);
        owner.post("rooms/" + room + "/participants/", Map.of("user", member.id))
                .expect(201);
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> asB(member)
                                .post("rooms/" + room + "/send_message/", Map.of("content", "back again"))
                                .status()
                        == 201);
    }

    /**
     * Node B remembers each sender's mute for minutes (a send must cost no query for it); a mute and an unmute made
     * on node A must count on node B within the bus's delay, not when B's memory of the sender expires.
     */
    @Test
    void aMuteOnOneNodeCountsOnTheOtherAtOnce() {
        ChatClient moderator = login("moderator", "moderator");
        ChatClient carol = login("carol");
        String room = roomId(groupRoom(carol, login("dave")));
        sendOnB(carol, room, "before the mute");

        moderator
                .post("moderation/users/" + carol.id + "/mute/", Map.of("duration_minutes", 30))
                .expect(200);
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(2))
                .until(() -> asB(carol)
                                .post("rooms/" + room + "/send_message/", Map.of("content", "while muted?"))
                                .status()
                        == 403);
        moderator.delete("moderation/users/" + carol.id + "/mute/").expect(204);
        Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(2))
                .until(() -> asB(carol)
                                .post("rooms/" + room + "/send_message/", Map.of("content", "unmuted"))
                                .status()
                        == 201);
    }

    private SocketClient onB(ChatClient user, String path) {
        return SocketClient.connect(portB, path + "?token=" + user.token());
    }

    private static JsonNode privateRoomOnB(ChatClient creator, ChatClient other) {
        return asB(creator)
                .post("rooms/", Map.of("participants", List.of(other.id), "room_type", "private"))
                .expect(201);
    }

    private static JsonNode sendOnB(ChatClient sender, String room, String content) {
        return asB(sender)
                .post("rooms/" + room + "/send_message/", Map.of("content", content))
                .expect(201);
    }

    private static ChatClient asB(ChatClient user) {
        return new ChatClient(portB, user.token(), user.id, user.name);
    }

    /**
     * A Redis that drops every connection, then keeps dropping subscribers until closed, so messages published
     * meanwhile reach no subscriber (publishers keep their connections and succeed).
     */
    private static final class RedisOutage implements AutoCloseable {

        private final RedisClient client = RedisClient.create(redisUrl());
        private final StatefulRedisConnection<String, String> connection = client.connect();
        private final AtomicBoolean over = new AtomicBoolean();
        private final Thread killer = Thread.ofPlatform().daemon().start(this::killSubscribers);

        static RedisOutage begin() {
            RedisOutage outage = new RedisOutage();
            outage.connection.sync().clientKill(KillArgs.Builder.typeNormal().skipme());
            return outage;
        }

        private void killSubscribers() {
            while (!over.get()) {
                connection.sync().clientKill(KillArgs.Builder.typePubsub());
                LockSupport.parkNanos(2_000_000);
            }
        }

        @Override
        public void close() throws InterruptedException {
            over.set(true);
            killer.join();
            connection.close();
            client.shutdown();
        }
    }

    private static List<String> receivedIds(SocketClient socket) {
        return socket.frames().stream()
                .filter(f -> "message".equals(f.path("type").asString()))
                .map(f -> f.path("message").path("id").asString())
                .toList();
    }

    private static List<Long> seqs(SocketClient socket) {
        return socket.frames().stream()
                .filter(f -> "message".equals(f.path("type").asString()))
                .map(f -> f.path("message").path("seq").asLong())
                .toList();
    }

    private static Predicate<JsonNode> presence(ChatClient user, boolean online) {
        return f -> "presence".equals(f.path("type").asString())
                && user.id.equals(f.path("user").path("id").asString())
                && f.path("online").asBoolean() == online;
    }
}
