package com.sudamall.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** History in the seed's page form and the seq cursor form, and what reading marks as read. */
class HistoryIntegrationTests extends IntegrationTest {

    @Test
    void perPageIsCappedAt100AndPagesGoBackInTime() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        for (int i = 1; i <= 105; i++) {
            send(alice, room, "m" + i);
        }

        JsonNode first = alice.get("rooms/" + room + "/messages/?per_page=500").expect(200);
        JsonNode second =
                alice.get("rooms/" + room + "/messages/?page=2&per_page=100").expect(200);

        assertThat(first.path("pagination").path("per_page").asInt()).isEqualTo(100);
        assertThat(first.path("messages").size()).isEqualTo(100);
        assertThat(first.path("messages").get(0).path("content").asString()).isEqualTo("m105");
        assertThat(second.path("messages").size()).isEqualTo(5);
        assertThat(second.path("messages").get(0).path("content").asString()).isEqualTo("m5");
        assertThat(second.path("pagination").path("total").asInt()).isEqualTo(105);
    }

    @Test
    void badPageParametersAreRefused() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        alice.get("rooms/" + room + "/messages/?page=0").expectProblem(400, "validation_failed");
        alice.get("rooms/" + room + "/messages/?per_page=abc").expectProblem(400, "validation_failed");
        alice.get("rooms/" + room + "/messages/?after_seq=-1").expectProblem(400, "validation_failed");
    }

    @Test
    void cursorFormPagesForwardAndBackInSeqOrder() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        for (int i = 1; i <= 10; i++) {
            send(alice, room, "m" + i);
        }

        JsonNode after =
                alice.get("rooms/" + room + "/messages/?after_seq=3&limit=4").expect(200);
        JsonNode before =
                alice.get("rooms/" + room + "/messages/?before_seq=4&limit=5").expect(200);
        JsonNode latest = alice.get("rooms/" + room + "/messages/?limit=2").expect(200);

        assertThat(seqs(after)).containsExactly(4L, 5L, 6L, 7L);
        assertThat(after.path("has_more").asBoolean()).isTrue();
        assertThat(seqs(before)).containsExactly(1L, 2L, 3L);
        assertThat(before.path("has_more").asBoolean()).isFalse();
        assertThat(seqs(latest)).containsExactly(9L, 10L);
        assertThat(latest.path("has_more").asBoolean()).isTrue();
    }

    @Test
    void readingHistoryMarksTheOthersMessagesRead() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        String id = send(alice, room, "read me").path("id").asString();

        bob.get("rooms/" + room + "/messages/").expect(200);

        JsonNode seen =
                alice.get("rooms/" + room + "/messages/?mark_read=false").expect(200);
        assertThat(seen.path("messages").get(0).path("id").asString()).isEqualTo(id);
        assertThat(seen.path("messages").get(0).path("is_read").asBoolean()).isTrue();
    }

    @Test
    void markReadFalseLeavesUnreadCountsAlone() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        send(alice, room, "one");
        send(alice, room, "two");

        bob.get("rooms/" + room + "/messages/?mark_read=false").expect(200);
        assertThat(bob.get("unread/").expect(200).path("rooms").path(room).asInt())
                .isEqualTo(2);

        bob.get("rooms/" + room + "/messages/?after_seq=0&limit=1").expect(200);
        assertThat(bob.get("unread/").expect(200).path("rooms").path(room).asInt())
                .isEqualTo(1);
    }

    @Test
    void deletedMessagesStayAsPlaceholdersKeepingIdAndSeq() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        JsonNode message = send(alice, room, "oops");

        alice.delete("rooms/" + room + "/messages/" + message.path("id").asString() + "/")
                .expect(204);

        JsonNode placeholder = alice.get("rooms/" + room + "/messages/")
                .expect(200)
                .path("messages")
                .get(0);
        assertThat(placeholder.path("id").asString())
                .isEqualTo(message.path("id").asString());
        assertThat(placeholder.path("seq").asLong())
                .isEqualTo(message.path("seq").asLong());
        assertThat(placeholder.path("content").asString()).isEmpty();
        assertThat(placeholder.path("is_deleted").asBoolean()).isTrue();
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> seqs = new ArrayList<>();
        page.path("messages").forEach(m -> seqs.add(m.path("seq").asLong()));
        return seqs;
    }
}
