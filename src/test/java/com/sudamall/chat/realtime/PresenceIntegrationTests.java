package com.sudamall.chat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Online and offline: first socket anywhere, last socket anywhere, and what a new socket is told. */
class PresenceIntegrationTests extends IntegrationTest {

    @Test
    void comingOnlineAndGoingOfflineReachTheRoom() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient bobSocket = roomSocket(bob, room)) {
            SocketClient aliceSocket = userSocket(alice);
            JsonNode online = bobSocket.await(presenceOf(alice, true));
            assertThat(online.path("room_id").asString()).isEqualTo(room);
            assertThat(online.path("user").path("name").asString()).isEqualTo(alice.name);

            int afterOnline = bobSocket.mark(); // bob's socket was first told alice was offline, never seen
            aliceSocket.close();
            JsonNode offline = bobSocket.await(afterOnline, presenceOf(alice, false));
            Instant lastSeen =
                    Instant.parse(offline.path("user").path("last_seen_at").asString());
            assertThat(lastSeen)
                    .isAfterOrEqualTo(Instant.parse(
                            online.path("user").path("last_seen_at").asString()));
        }
    }

    @Test
    void aSecondSocketOfAnOnlineUserChangesNothing() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient bobSocket = roomSocket(bob, room);
                SocketClient aliceFirst = userSocket(alice)) {
            bobSocket.await(presenceOf(alice, true));
            SocketClient aliceSecond = roomSocket(alice, room);
            aliceSecond.close();
            bobSocket.assertNone(presenceOf(alice, false), Duration.ofMillis(700));
        }
    }

    @Test
    void aNewSocketIsToldWhoIsOnlineAndWhenOthersWereLastSeen() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient carol = login("carol");
        String room = roomId(groupRoom(alice, bob, carol));
        userSocket(carol).close(); // carol has been seen, and is gone
        try (SocketClient bobSocket = userSocket(bob)) {
            bobSocket.await(presenceOf(carol, false));
        }
        try (SocketClient aliceSocket = roomSocket(alice, room);
                SocketClient bobSocket = userSocket(bob)) {
            aliceSocket.await(presenceOf(bob, true));
            JsonNode carolPresence = bobSocket.await(presenceOf(carol, false));
            assertThat(carolPresence.path("user").path("last_seen_at").isNull()).isFalse();
            bobSocket.await(presenceOf(alice, true));
        }
    }

    @Test
    void socketsOfOneUserOpenedAndClosedTogetherComeOnlineAndGoOfflineOnce() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient bobSocket = roomSocket(bob, room)) {
            // opened and closed at once, so that the changes are counted in one batch, in the order they came
            List<SocketClient> aliceSockets = IntStream.range(0, 6)
                    .parallel()
                    .mapToObj(i -> i % 2 == 0 ? roomSocket(alice, room) : userSocket(alice))
                    .toList();
            bobSocket.await(presenceOf(alice, true));
            int afterOnline = bobSocket.mark(); // bob's socket was first told alice was offline
            aliceSockets.parallelStream().forEach(SocketClient::close);
            bobSocket.await(afterOnline, presenceOf(alice, false));
            bobSocket.assertNone(presenceOf(alice, true), Duration.ofMillis(700));
            assertThat(bobSocket.frames().stream().filter(presenceOf(alice, true)))
                    .hasSize(1);
            assertThat(bobSocket.frames().stream().skip(afterOnline).filter(presenceOf(alice, false)))
                    .hasSize(1);
        }
    }

    private static Predicate<JsonNode> presenceOf(ChatClient user, boolean online) {
        return f -> "presence".equals(f.path("type").asString())
                && user.id.equals(f.path("user").path("id").asString())
                && f.path("online").asBoolean() == online;
    }
}
