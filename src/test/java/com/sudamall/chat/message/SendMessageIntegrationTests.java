package com.sudamall.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The send path through REST: the Message object, validation, idempotency and seq. */
class SendMessageIntegrationTests extends IntegrationTest {

    private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void sentMessageCarriesEveryFieldOfTheContract() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        JsonNode message = send(alice, room, "Hello");

        assertThat(message.path("id").asString()).matches(UUID);
        assertThat(message.path("seq").asLong()).isEqualTo(1);
        assertThat(message.path("sent_at").asString()).matches(TIMESTAMP);
        assertThat(message.path("sender").path("name").asString()).isEqualTo(alice.name);
        for (String field : List.of("edited_at", "reply_to", "client_msg_id", "attachment", "ref")) {
            assertThat(message.has(field)).as(field).isTrue();
            assertThat(message.path(field).isNull()).as(field).isTrue();
        }
        for (String flag : List.of("is_edited", "is_deleted", "is_read", "is_flagged")) {
            assertThat(message.path(flag).isBoolean()).as(flag).isTrue();
        }
    }

    @Test
    void emptyOrBlankContentIsRefused() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        alice.post("rooms/" + room + "/send_message/", Map.of("content", "")).expectProblem(400, "empty_content");
        alice.post("rooms/" + room + "/send_message/", Map.of("content", "   \n "))
                .expectProblem(400, "empty_content");
        alice.post("rooms/" + room + "/send_message/", Map.of()).expectProblem(400, "empty_content");
    }

    @Test
    void contentOf5001CharactersIsTooLongAnd5000AreFine() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        alice.post("rooms/" + room + "/send_message/", Map.of("content", "x".repeat(5001)))
                .expectProblem(400, "message_too_long");
        alice.post("rooms/" + room + "/send_message/", Map.of("content", "x".repeat(5000)))
                .expect(201);
    }

    @Test
    void contentOfTheWrongTypeNamesTheField() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        JsonNode problem = alice.post("rooms/" + room + "/send_message/", Map.of("content", 42))
                .expectProblem(400, "validation_failed");

        assertThat(problem.path("fields").has("content")).isTrue();
    }

    @Test
    void retryWithSameClientMsgIdReturnsTheStoredMessage() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        Map<String, Object> body = Map.of("content", "once", "client_msg_id", "c-1");

        JsonNode first = alice.post("rooms/" + room + "/send_message/", body).expect(201);
        JsonNode retry = alice.post("rooms/" + room + "/send_message/", body).expect(200);

        assertThat(retry.path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(retry.path("client_msg_id").asString()).isEqualTo("c-1");
        assertThat(alice.get("rooms/" + room + "/messages/")
                        .expect(200)
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void sameClientMsgIdFromAnotherSenderIsADifferentMessage() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));

        JsonNode fromAlice = alice.post(
                        "rooms/" + room + "/send_message/", Map.of("content", "a", "client_msg_id", "c-1"))
                .expect(201);
        JsonNode fromBob = bob.post("rooms/" + room + "/send_message/", Map.of("content", "b", "client_msg_id", "c-1"))
                .expect(201);

        assertThat(fromBob.path("id").asString())
                .isNotEqualTo(fromAlice.path("id").asString());
    }

    @Test
    void concurrentRetriesOfOneClientMsgIdStoreOneMessage() throws Exception {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        Map<String, Object> body = Map.of("content", "racing", "client_msg_id", "race-1");

        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                runs.add(pool.submit(() -> statuses.add(
                        alice.post("rooms/" + room + "/send_message/", body).status())));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }

        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        JsonNode all = alice.get("rooms/" + room + "/messages/?after_seq=0").expect(200);
        assertThat(all.path("messages").size()).isEqualTo(1);
        assertThat(all.path("messages").get(0).path("seq").asLong()).isEqualTo(1);
    }

    @Test
    void replyToMustBeAMessageOfTheSameRoom() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String elsewhere = send(alice, roomId(privateRoom(alice, login("carol"))), "elsewhere")
                .path("id")
                .asString();
        String question = send(bob, room, "question?").path("id").asString();

        JsonNode answer = alice.post(
                        "rooms/" + room + "/send_message/", Map.of("content", "answer", "reply_to", question))
                .expect(201);
        alice.post("rooms/" + room + "/send_message/", Map.of("content", "x", "reply_to", elsewhere))
                .expectProblem(400, "validation_failed");
        alice.post("rooms/" + room + "/send_message/", Map.of("content", "x", "reply_to", "not-a-uuid"))
                .expectProblem(400, "validation_failed");

        assertThat(answer.path("reply_to").asString()).isEqualTo(question);
    }

    @Test
    void seqStaysGaplessUnderConcurrentSenders() throws Exception {
        ChatClient[] senders = {login("a"), login("b"), login("c"), login("d")};
        String room = roomId(groupRoom(senders[0], senders[1], senders[2], senders[3]));

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                ChatClient sender = senders[i % 4];
                String text = "burst " + i;
                runs.add(pool.submit(() -> send(sender, room, text)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }

        List<Long> seqs = new ArrayList<>();
        long after = 0;
        JsonNode page;
        do {
            page = senders[0]
                    .get("rooms/" + room + "/messages/?after_seq=" + after + "&limit=100")
                    .expect(200);
            for (JsonNode m : page.path("messages")) {
                seqs.add(m.path("seq").asLong());
                after = m.path("seq").asLong();
            }
        } while (page.path("has_more").asBoolean());
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= 100; s++) {
            expected.add(s);
        }
        assertThat(seqs).isEqualTo(expected);
    }

    /**
     * Concurrent sends into many rooms share transactions (group commit); each room must still number its messages
     * without a gap in the order its sender sent them, move the sender's cursor and keep one new_message notification
     * per recipient pointing at the newest message.
     */
    @Test
    void concurrentSendsAcrossRoomsKeepEachRoomsOrderCursorsAndNotifications() throws Exception {
        int rooms = 12;
        int perRoom = 20;
        ChatClient reader = login("reader");
        List<ChatClient> senders = new ArrayList<>();
        List<String> roomIds = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            ChatClient sender = login("sender");
            senders.add(sender);
            roomIds.add(roomId(privateRoom(sender, reader)));
        }
        List<String> lastIds = Collections.synchronizedList(new ArrayList<>());

        try (ExecutorService pool = Executors.newFixedThreadPool(rooms)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int r = 0; r < rooms; r++) {
                ChatClient sender = senders.get(r);
                String room = roomIds.get(r);
                runs.add(pool.submit(() -> {
                    String id = null;
                    for (int i = 0; i < perRoom; i++) {
                        id = send(sender, room, "m" + i).path("id").asString();
                    }
                    lastIds.add(id);
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }

        // Before reading the rooms: fetching a page marks it read.
        JsonNode unread = reader.get("unread/").expect(200);
        assertThat(unread.path("total").asLong()).isEqualTo((long) rooms * perRoom);
        List<String> pointedAt = new ArrayList<>();
        reader.get("notifications/?unread=true").expect(200).path("results").forEach(n -> {
            if (n.path("notification_type").asString().equals("new_message")) {
                pointedAt.add(n.path("message_id").asString());
            }
        });
        assertThat(pointedAt).containsExactlyInAnyOrderElementsOf(lastIds);
        for (int r = 0; r < rooms; r++) {
            JsonNode page = reader.get("rooms/" + roomIds.get(r) + "/messages/?after_seq=0&limit=100")
                    .expect(200);
            List<String> seen = new ArrayList<>();
            page.path("messages")
                    .forEach(m -> seen.add(
                            m.path("seq").asLong() + ":" + m.path("content").asString()));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perRoom; i++) {
                expected.add((i + 1) + ":m" + i);
            }
            assertThat(seen).as("room %d", r).isEqualTo(expected);
            assertThat(senders.get(r).get("unread/").expect(200).path("total").asLong())
                    .isZero();
        }
    }

    @Test
    void platformPostsSystemMessagesOnlyIntoKnownRooms() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        platform()
                .post("/api/integration/rooms/" + room + "/system_message/", Map.of("content", "Your order shipped"))
                .expect(201);
        platform()
                .post(
                        "/api/integration/rooms/" + java.util.UUID.randomUUID() + "/system_message/",
                        Map.of("content", "x"))
                .expectProblem(404, "not_found");
    }
}
