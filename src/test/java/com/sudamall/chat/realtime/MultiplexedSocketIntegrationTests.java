package com.sudamall.chat.realtime;

import static com.sudamall.chat.support.SocketClient.messageWithContent;
import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /ws/chat/}: one socket per user for all their rooms. */
class MultiplexedSocketIntegrationTests extends IntegrationTest {

    @Test
    void oneSocketCarriesEveryRoomAndNotifications() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String existing = roomId(privateRoom(alice, bob));
        try (SocketClient socket = userSocket(bob)) {
            send(alice, existing, "in the old room");
            JsonNode first = socket.await(messageWithContent("in the old room"));
            assertThat(first.path("room_id").asString()).isEqualTo(existing);

            String fresh = roomId(groupRoom(alice, bob));
            socket.await(f -> "notification".equals(f.path("type").asString())
                    && fresh.equals(f.path("notification").path("room_id").asString()));
            send(alice, fresh, "in the new room");
            assertThat(socket.await(messageWithContent("in the new room"))
                            .path("room_id")
                            .asString())
                    .isEqualTo(fresh);
        }
    }

    @Test
    void unreadCountsFollowMessagesAndReads() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient bobSocket = userSocket(bob);
                SocketClient aliceSocket = userSocket(alice)) {
            send(alice, room, "one");
            assertThat(bobSocket.await(unread(room, 1)).path("unread_count").asLong())
                    .isEqualTo(1);
            String second = send(alice, room, "two").path("id").asString();
            bobSocket.await(unread(room, 2));

            bob.post("rooms/" + room + "/read/", Map.of("up_to", second)).expect(200);
            bobSocket.await(unread(room, 0));
            aliceSocket.assertNone(type("unread"), java.time.Duration.ofMillis(300));
        }
    }

    private static java.util.function.Predicate<JsonNode> unread(String room, long count) {
        return f -> "unread".equals(f.path("type").asString())
                && room.equals(f.path("room_id").asString())
                && f.path("unread_count").asLong() == count;
    }

    @Test
    void framesNameTheirRoom() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String elsewhere = roomId(privateRoom(alice, login("carol")));
        try (SocketClient socket = userSocket(bob)) {
            socket.send(Map.of("type", "text", "content", "no room"));
            assertThat(socket.await(type("error")).path("code").asString()).isEqualTo("validation_failed");

            int mark = socket.mark();
            socket.send(Map.of("type", "text", "room_id", elsewhere, "content", "not mine"));
            assertThat(socket.await(mark, type("error")).path("code").asString())
                    .isEqualTo("not_found");

            socket.send(Map.of("type", "text", "room_id", room, "content", "mine", "client_msg_id", "m-1"));
            assertThat(socket.await(type("ack")).path("room_id").asString()).isEqualTo(room);
        }
    }

    @Test
    void aRemovedParticipantStopsReceivingTheRoom() {
        ChatClient owner = login("owner");
        ChatClient member = login("member");
        String room = roomId(groupRoom(owner, member));
        try (SocketClient roomSocket = roomSocket(member, room)) {
            owner.delete("rooms/" + room + "/participants/" + member.id + "/").expect(204);

            assertThat(roomSocket.awaitClose()).isEqualTo(4403);
        }
    }
}
