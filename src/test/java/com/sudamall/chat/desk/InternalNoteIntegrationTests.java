package com.sudamall.chat.desk;

import static com.sudamall.chat.support.SocketClient.messageWithContent;
import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.Reply;
import com.sudamall.chat.support.SocketClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The store desk's internal notes: written by the team that answers a conversation, received, listed, searched and
 * counted by that team only, and never by the customer at any door (REST history in both forms, both sockets live
 * and on resume, search, unread counts, the room list, the privacy export, and every way of naming a message).
 */
class InternalNoteIntegrationTests extends IntegrationTest {

    private static final Duration QUIET = Duration.ofMillis(600);

    @Test
    void onlyTheTeamWritesNotesAndOnlyInConversations() {
        ChatClient owner = login("owner");
        ChatClient customer = login("customer");
        String room = roomId(customerStoreRoom(customer, createStore(owner), owner.id));

        JsonNode note = note(owner, room, "check the refund policy first").expect(201);
        assertThat(note.path("message_type").asString()).isEqualTo("note");
        assertThat(note.path("seq").asLong()).isEqualTo(1);

        note(customer, room, "can I write notes?").expectProblem(403, "forbidden");
        ChatClient friend = login("friend");
        String group = roomId(groupRoom(owner, friend));
        note(owner, group, "notes are for conversations").expectProblem(400, "validation_failed");
        // a note is the team's own: nobody outside the team joins the conversation to read it
        owner.post("rooms/" + room + "/participants/", Map.of("user", friend.id))
                .expectProblem(400, "validation_failed");
    }

    @Test
    void theCustomersHistoryNeverHoldsANoteAndItsCountsLeaveNotesOut() {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient customer = login("customer");
        String room = roomId(customerStoreRoom(customer, createStore(owner, staff), owner.id));
        String secret = "vip customer, refund without questions " + freshId("n");

        send(customer, room, "Where is my parcel?");
        note(staff, room, secret).expect(201);
        send(owner, room, "It left the warehouse today");

        assertThat(contents(customer.get("rooms/" + room + "/messages/?limit=50&mark_read=false")))
                .containsExactly("Where is my parcel?", "It left the warehouse today");
        assertThat(contents(customer.get("rooms/" + room + "/messages/?after_seq=0&mark_read=false")))
                .containsExactly("Where is my parcel?", "It left the warehouse today");
        JsonNode seedPage = customer.get("rooms/" + room + "/messages/?page=1&per_page=50&mark_read=false")
                .expect(200);
        assertThat(seedPage.path("pagination").path("total").asInt()).isEqualTo(2);
        assertThat(seedPage.path("messages")
                        .valueStream()
                        .map(m -> m.path("content").asString()))
                .containsExactly("It left the warehouse today", "Where is my parcel?");
        assertThat(contents(staff.get("rooms/" + room + "/messages/?limit=50&mark_read=false")))
                .containsExactly("Where is my parcel?", secret, "It left the warehouse today");

        // counted: the customer has one unread message, the owner's
        assertThat(customer.get("unread/").expect(200).path("rooms").path(room).asInt())
                .isEqualTo(1);
        JsonNode listed = listed(customer, room);
        assertThat(listed.path("unread_count").asInt()).isEqualTo(1);
        assertThat(listed.path("last_message").path("content").asString()).isEqualTo("It left the warehouse today");

        // the newest message being a note, the customer's list shows the one before it
        note(owner, room, "promised a call tomorrow").expect(201);
        JsonNode relisted = listed(customer, room);
        assertThat(relisted.path("last_message").path("content").asString()).isEqualTo("It left the warehouse today");
        assertThat(relisted.path("unread_count").asInt()).isEqualTo(1);
        // the staff member read up to their own note: the owner's message and note are unread, both counted
        assertThat(staff.get("unread/").expect(200).path("rooms").path(room).asInt())
                .isEqualTo(2);

        // the customer reads everything: nothing is left unread by the notes they can't see
        customer.get("rooms/" + room + "/messages/?limit=50").expect(200);
        assertThat(customer.get("unread/").expect(200).path("rooms").has(room)).isFalse();
    }

    @Test
    void noSocketOfTheCustomerGetsANoteLiveOrOnResumeWhileTheTeamsDo() {
        ChatClient owner = login("owner");
        ChatClient customer = login("customer");
        String room = roomId(customerStoreRoom(customer, createStore(owner), owner.id));
        String secret = "the customer is probably lying " + freshId("n");

        try (SocketClient customerRoom = roomSocket(customer, room).ready();
                SocketClient customerAll = userSocket(customer).ready();
                SocketClient ownerRoom = roomSocket(owner, room).ready()) {
            // a note sent over the team's socket, then a message over REST
            ownerRoom.send(Map.of("type", "text", "content", secret, "message_type", "note", "client_msg_id", "n-1"));
            JsonNode ack = ownerRoom.await(type("ack"));
            assertThat(ack.path("message").path("message_type").asString()).isEqualTo("note");
            ownerRoom.await(messageWithContent(secret));
            send(owner, room, "We'll look into it");

            // the customer's sockets go straight from the note's seq to the next message
            JsonNode next = customerRoom.await(messageWithContent("We'll look into it"));
            assertThat(next.path("message").path("seq").asLong()).isEqualTo(2);
            customerAll.await(messageWithContent("We'll look into it"));
            customerRoom.assertNone(messageWithContent(secret), QUIET);
            customerAll.assertNone(messageWithContent(secret), QUIET);
            assertThat(customerAll.frames()).noneMatch(f -> f.toString().contains(secret));

            // the customer's frame of the note's edit or deletion stays away too
            String noteId = ack.path("message").path("id").asString();
            owner.patch("rooms/" + room + "/messages/" + noteId + "/", Map.of("content", secret + " (edited)"))
                    .expect(200);
            ownerRoom.await(type("message_edited"));
            owner.delete("rooms/" + room + "/messages/" + noteId + "/").expect(204);
            ownerRoom.await(type("message_deleted"));
            customerRoom.assertNone(
                    f -> type("message_edited").or(type("message_deleted")).test(f), QUIET);
        }
        // and a customer's socket that resumes from the start gets the message only
        try (SocketClient resumed = SocketClient.connect(
                        port, "/ws/chat/" + room + "/?after_seq=0&token=" + customer.token())
                .ready()) {
            resumed.await(messageWithContent("We'll look into it"));
            resumed.assertNone(
                    f -> f.path("message").path("message_type").asString().equals("note"), QUIET);
        }
        try (SocketClient teamResumed = SocketClient.connect(
                        port, "/ws/chat/" + room + "/?after_seq=0&token=" + owner.token())
                .ready()) {
            JsonNode first = teamResumed.await(type("message"));
            assertThat(first.path("message").path("message_type").asString()).isEqualTo("note");
            assertThat(first.path("message").path("is_deleted").asBoolean()).isTrue();
        }
    }

    @Test
    void nothingTheCustomerSeesOfTheRoomMovesForANote() {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient customer = login("customer");
        ChatClient moderator = login("mod", "moderator");
        String room = roomId(customerStoreRoom(customer, createStore(owner, staff), owner.id));
        JsonNode hello = send(customer, room, "Hello?");
        String noteId =
                note(owner, room, "who takes this one?").expect(201).path("id").asString();

        // the room's activity is what the two sides said: the customer's list shows the same time and order
        JsonNode listed = customer.get("rooms/").expect(200).path("results").get(0);
        assertThat(roomId(listed)).isEqualTo(room);
        assertThat(listed.path("last_message_at").asString())
                .isEqualTo(hello.path("sent_at").asString());

        try (SocketClient customerRoom = roomSocket(customer, room).ready()) {
            // a team member's read up to the note is told at the customer's message before it
            staff.post("rooms/" + room + "/read/", Map.of("up_to", noteId)).expect(200);
            JsonNode read = customerRoom.await(type("read"));
            assertThat(read.path("user").path("id").asString()).isEqualTo(staff.id);
            assertThat(read.path("up_to_seq").asLong()).isEqualTo(1);

            // a moderator removing the note (reported by the team) is no news to the customer either
            staff.post("messages/" + noteId + "/flag/", Map.of("reason", "wrong room"))
                    .expect(201);
            moderator
                    .post("moderation/messages/" + noteId + "/delete/", Map.of())
                    .expect(200);
            customerRoom.assertNone(type("message_deleted"), QUIET);
        }

        // the note was read by the team member, not by the customer whose cursor passed it
        send(owner, room, "Sam will help you");
        customer.get("rooms/" + room + "/messages/?limit=50").expect(200);
        assertThat(owner.get("rooms/" + room + "/messages/" + noteId + "/read_by/")
                        .expect(200)
                        .valueStream()
                        .map(r -> r.path("user").path("id").asString()))
                .containsExactly(staff.id);
    }

    @Test
    void theCustomerCanNeitherFindNorNameANote() {
        ChatClient owner = login("owner");
        ChatClient customer = login("customer");
        String room = roomId(customerStoreRoom(customer, createStore(owner), owner.id));
        String word = "zn" + Long.toString(System.nanoTime(), 36);
        send(customer, room, "Is the " + word + " lamp in stock?");
        String noteId = note(owner, room, "the " + word + " lamp is discontinued, offer the other one")
                .expect(201)
                .path("id")
                .asString();

        assertThat(customer.get("search/?q=" + word).expect(200).path("results").size())
                .isEqualTo(1);
        assertThat(customer.get("search/?q=discontinued+" + word + "&room_id=" + room)
                        .expect(200)
                        .path("results")
                        .isEmpty())
                .isTrue();
        assertThat(owner.get("search/?q=discontinued+" + word)
                        .expect(200)
                        .path("results")
                        .size())
                .isEqualTo(1);

        String messagePath = "rooms/" + room + "/messages/" + noteId + "/";
        customer.get(messagePath + "read_by/").expectProblem(404, "not_found");
        customer.delete(messagePath).expectProblem(404, "not_found");
        customer.patch(messagePath, Map.of("content", "changed")).expectProblem(404, "not_found");
        customer.post("messages/" + noteId + "/flag/", Map.of("reason", "spam")).expectProblem(404, "not_found");
        customer.post("rooms/" + room + "/read/", Map.of("up_to", noteId)).expectProblem(400, "validation_failed");
        customer.post("rooms/" + room + "/send_message/", Map.of("content", "what?", "reply_to", noteId))
                .expectProblem(400, "validation_failed");
        // the team answers a note with a note, never with what the customer would read
        owner.post("rooms/" + room + "/send_message/", Map.of("content", "sure", "reply_to", noteId))
                .expectProblem(400, "validation_failed");
        owner.post(
                        "rooms/" + room + "/send_message/",
                        Map.of("content", "agreed", "message_type", "note", "reply_to", noteId))
                .expect(201);

        JsonNode export = platform()
                .get("/api/integration/users/" + customer.id + "/export")
                .expect(200);
        assertThat(export.toString()).doesNotContain("discontinued");
    }

    /** The room as the reader's room list shows it. */
    private static JsonNode listed(ChatClient reader, String room) {
        return reader.get("rooms/")
                .expect(200)
                .path("results")
                .valueStream()
                .filter(r -> roomId(r).equals(room))
                .findFirst()
                .orElseThrow();
    }

    private static Reply note(ChatClient writer, String room, String content) {
        return writer.post("rooms/" + room + "/send_message/", Map.of("content", content, "message_type", "note"));
    }

    private static List<String> contents(Reply reply) {
        return reply.expect(200)
                .path("messages")
                .valueStream()
                .map(m -> m.path("content").asString())
                .toList();
    }
}
