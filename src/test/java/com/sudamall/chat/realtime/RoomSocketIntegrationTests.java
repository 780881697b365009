package com.sudamall.chat.realtime;

import static com.sudamall.chat.support.SocketClient.messageWithContent;
import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.Reply;
import com.sudamall.chat.support.SocketClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's per-room socket: its JavaScript client's frames, typing, joins and leaves, errors, close codes. */
class RoomSocketIntegrationTests extends IntegrationTest {

    @Test
    void textFrameReachesBothSocketsAndIsAcked() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient aliceSocket = roomSocket(alice, room);
                SocketClient bobSocket = roomSocket(bob, room)) {
            aliceSocket.send(Map.of("type", "text", "content", "Hi from the seed client", "client_msg_id", "c-9"));

            for (SocketClient socket : new SocketClient[] {aliceSocket, bobSocket}) {
                JsonNode frame = socket.await(messageWithContent("Hi from the seed client"));
                assertThat(frame.path("message").path("sender").path("id").asString())
                        .isEqualTo(alice.id);
                assertThat(frame.path("message").has("reply_to")).isTrue();
            }
            JsonNode ack = aliceSocket.await(type("ack"));
            assertThat(ack.path("client_msg_id").asString()).isEqualTo("c-9");
            assertThat(ack.path("message").path("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void restSendsArePushedToSockets() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient bobSocket = roomSocket(bob, room)) {
            send(alice, room, "via REST");

            bobSocket.await(messageWithContent("via REST"));
        }
    }

    @Test
    void typingReachesOthersAndIsNeverEchoed() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient aliceSocket = roomSocket(alice, room);
                SocketClient bobSocket = roomSocket(bob, room)) {
            aliceSocket.send(Map.of("type", "typing", "is_typing", true));

            JsonNode typing =
                    bobSocket.await(f -> "typing".equals(f.path("type").asString()));
            assertThat(typing.path("is_typing").asBoolean()).isTrue();
            assertThat(typing.path("user").path("id").asString()).isEqualTo(alice.id);
            aliceSocket.assertNone(type("typing"), Duration.ofMillis(500));
            try (SocketClient bobAgain = roomSocket(bob, room)) {
                bobAgain.await(f -> "typing".equals(f.path("type").asString())
                        && f.path("is_typing").asBoolean()
                        && alice.id.equals(f.path("user").path("id").asString()));
            }
        }
    }

    @Test
    void joinsAndLeavesAreAnnounced() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient aliceSocket = roomSocket(alice, room)) {
            SocketClient bobSocket = roomSocket(bob, room);
            aliceSocket.await(f -> "user_joined".equals(f.path("type").asString())
                    && bob.id.equals(f.path("user").path("id").asString()));
            bobSocket.close();
            aliceSocket.await(f -> "user_left".equals(f.path("type").asString())
                    && bob.id.equals(f.path("user").path("id").asString()));
        }
    }

    @Test
    void aUserWithSeveralSocketsJoinsOnceAndLeavesWithTheLast() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        Predicate<JsonNode> bobJoined = f -> "user_joined".equals(f.path("type").asString())
                && bob.id.equals(f.path("user").path("id").asString());
        Predicate<JsonNode> bobLeft = f -> "user_left".equals(f.path("type").asString())
                && bob.id.equals(f.path("user").path("id").asString());
        try (SocketClient aliceSocket = roomSocket(alice, room)) {
            SocketClient bobTab = roomSocket(bob, room);
            aliceSocket.await(bobJoined);
            SocketClient bobPhone = roomSocket(bob, room);
            // the phone is fully open once it is told who is online (a client sees its socket open a little earlier)
            bobPhone.await(f -> "presence".equals(f.path("type").asString())
                    && alice.id.equals(f.path("user").path("id").asString()));
            bobTab.close();
            aliceSocket.assertNone(bobLeft, Duration.ofMillis(500));
            bobPhone.close();
            aliceSocket.await(bobLeft);

            assertThat(aliceSocket.frames()).filteredOn(bobJoined).hasSize(1);
            assertThat(aliceSocket.frames()).filteredOn(bobLeft).hasSize(1);
        }
    }

    @Test
    void badFramesGetErrorFramesAndTheSocketStaysOpen() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        try (SocketClient socket = roomSocket(alice, room)) {
            socket.send("{\"type\": \"text\", \"content\": ");
            assertThat(socket.await(type("error")).path("code").asString()).isEqualTo("validation_failed");
            int mark = socket.mark();
            socket.send(Map.of("type", "text", "content", "", "client_msg_id", "c-empty"));
            JsonNode refused = socket.await(mark, type("error"));
            assertThat(refused.path("code").asString()).isEqualTo("empty_content");
            // names the refused send, so a client stops retrying it
            assertThat(refused.path("client_msg_id").asString()).isEqualTo("c-empty");
            mark = socket.mark();
            socket.send(Map.of("type", "shout", "content", "hi"));
            assertThat(socket.await(mark, type("error")).path("code").asString())
                    .isEqualTo("validation_failed");
            mark = socket.mark();
            socket.send(Map.of("type", "text", "content", "x".repeat(200_000)));
            assertThat(socket.await(mark, type("error")).path("code").asString())
                    .isEqualTo("payload_too_large");
            socket.send(Map.of("type", "ping"));
            socket.await(type("pong"));
            socket.send(Map.of("type", "text", "content", "still connected"));
            socket.await(messageWithContent("still connected"));
        }
    }

    @Test
    void unauthenticatedSocketsCloseWith4401AndStrangersWith4403() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        assertThat(SocketClient.connect(port, "/ws/chat/" + room + "/").awaitClose())
                .isEqualTo(4401);
        assertThat(SocketClient.connect(port, "/ws/chat/" + room + "/?token=garbage")
                        .awaitClose())
                .isEqualTo(4401);
        assertThat(roomSocket(login("stranger"), room).awaitClose()).isEqualTo(4403);
        assertThat(roomSocket(alice, java.util.UUID.randomUUID().toString()).awaitClose())
                .isEqualTo(4403);
    }

    /** The seed's client opens {@code new WebSocket('ws://host/ws/chat/' + roomId + '/')}: no token in the URL. */
    @Test
    void theSeedClientsPlainUrlWorksWithTheSocketCookie() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        Reply issued = alice.post("socket-cookie/", Map.of());
        assertThat(issued.status()).isEqualTo(204);
        String cookie = issued.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("Path=/ws/");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        try (SocketClient seedClient = SocketClient.connect(port, "/ws/chat/" + room + "/", Map.of("Cookie", pair));
                SocketClient bobSocket = roomSocket(bob, room)) {
            seedClient.send(Map.of("type", "text", "content", "sent like the seed"));
            bobSocket.await(messageWithContent("sent like the seed"));
            seedClient.await(messageWithContent("sent like the seed"));
        }
        SocketClient noCookie = SocketClient.connect(port, "/ws/chat/" + room + "/");
        assertThat(noCookie.awaitClose()).isEqualTo(4401);
    }

    @Test
    void aTicketOpensOneSocketOnce() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        String ticket =
                alice.post("ws-ticket/", Map.of()).expect(200).path("ticket").asString();

        try (SocketClient socket = SocketClient.connect(port, "/ws/chat/" + room + "/?ticket=" + ticket)) {
            socket.send(Map.of("type", "ping"));
            socket.await(type("pong"));
        }
        assertThat(SocketClient.connect(port, "/ws/chat/" + room + "/?ticket=" + ticket)
                        .awaitClose())
                .isEqualTo(4401);
    }

    @Test
    void editsDeletesAndReadsShowUpLive() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String id = send(alice, room, "draft").path("id").asString();
        try (SocketClient aliceSocket = roomSocket(alice, room)) {
            alice.patch("rooms/" + room + "/messages/" + id + "/", Map.of("content", "final"))
                    .expect(200);
            assertThat(aliceSocket
                            .await(type("message_edited"))
                            .path("message")
                            .path("content")
                            .asString())
                    .isEqualTo("final");
            bob.post("rooms/" + room + "/read/", Map.of("up_to", id)).expect(200);
            assertThat(aliceSocket.await(type("read")).path("up_to_seq").asLong())
                    .isEqualTo(1);
            alice.delete("rooms/" + room + "/messages/" + id + "/").expect(204);
            assertThat(aliceSocket
                            .await(type("message_deleted"))
                            .path("message")
                            .path("id")
                            .asString())
                    .isEqualTo(id);
        }
    }
}
