package com.sudamall.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Search over one's own rooms, on H2 and (in CI) on PostgreSQL's full-text index. */
class SearchIntegrationTests extends IntegrationTest {

    @Test
    void findsEveryWordInMyRoomsOnlyNewestFirstWithHighlights() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient carol = login("carol");
        String ours = roomId(privateRoom(alice, bob));
        String theirs = roomId(privateRoom(carol, login("dave")));
        String tag = "zq" + Long.toString(System.nanoTime(), 36); // a word no other test writes
        JsonNode first = send(alice, ours, "The blue ceramic " + tag + " arrived chipped");
        send(bob, ours, "Which " + tag + "? The lamp is fine.");
        send(carol, theirs, "My secret " + tag + " plans");
        JsonNode deleted = send(alice, ours, "Wrong " + tag + ", sorry");
        alice.delete("rooms/" + ours + "/messages/" + deleted.path("id").asString() + "/")
                .expect(204);

        List<JsonNode> hits = search(alice, tag);
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).path("snippet").asString()).startsWith("Which ");
        assertThat(hits.get(1).path("message_id").asString())
                .isEqualTo(first.path("id").asString());
        for (JsonNode hit : hits) {
            assertThat(hit.path("room_id").asString()).isEqualTo(ours);
            assertThat(highlighted(hit)).contains(tag);
        }
        assertThat(hits.get(1).path("sender").path("id").asString()).isEqualTo(alice.id);
        assertThat(hits.get(1).path("seq").asLong()).isEqualTo(1);

        // every word must match, each as a prefix
        assertThat(search(alice, "cera " + tag)).hasSize(1);
        assertThat(highlighted(search(alice, "ceramic " + tag).getFirst())).contains("ceramic", tag);
        assertThat(search(alice, "lamp chipped " + tag)).isEmpty();
        // a number after a hyphen is a word of its own (PostgreSQL's parser would read "-4711" as negative)
        send(bob, ours, "Invoice INV-4711" + tag.substring(2) + " is attached");
        assertThat(search(alice, "4711" + tag.substring(2))).hasSize(1);
        // no one else's rooms, and nothing odd from odd input
        assertThat(search(carol, "blue " + tag)).isEmpty();
        assertThat(search(alice, tag + "' OR 1=1 --")).isEmpty();
        assertThat(search(alice, "%" + tag + "_")).hasSize(2);
        alice.get("search/?q=%20%20").expectProblem(400, "validation_failed");
        alice.get("search/").expectProblem(400, "validation_failed");
        anonymous().get("search/?q=" + tag).expectProblem(401, "unauthorized");
    }

    @Test
    void searchInOneRoomFindsThatRoomsMessagesOnly() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient carol = login("carol");
        String withBob = roomId(privateRoom(alice, bob));
        String withCarol = roomId(privateRoom(alice, carol));
        String tag = "zr" + Long.toString(System.nanoTime(), 36);
        send(alice, withBob, "The " + tag + " is blue");
        send(carol, withCarol, "My " + tag + " is red");

        assertThat(search(alice, tag)).hasSize(2);
        List<JsonNode> inOne = alice.get("search/?q=" + tag + "&room_id=" + withBob)
                .expect(200)
                .path("results")
                .valueStream()
                .toList();
        assertThat(inOne)
                .singleElement()
                .satisfies(hit -> assertThat(hit.path("room_id").asString()).isEqualTo(withBob));
        // a room the caller is not in is not found, whatever it holds
        bob.get("search/?q=" + tag + "&room_id=" + withCarol).expectProblem(404, "not_found");
        alice.get("search/?q=" + tag + "&room_id=nope").expectProblem(400, "validation_failed");
    }

    @Test
    void theWriterAndModeratorsSearchAMaskedMessageWholeOthersWhatTheFilterLeft() {
        ChatClient owner = login("owner", "store_owner");
        ChatClient alice = login("alice", "customer");
        ChatClient moderator = login("moderator", "moderator");
        // a moderator who is on the store's team, so the room is one of theirs
        String room = roomId(customerStoreRoom(alice, createStore(owner, moderator), owner.id));
        String tag = "zm" + Long.toString(System.nanoTime(), 36);
        send(alice, room, "Call me on +49 171 2345678, " + tag + " cheaper");

        for (ChatClient whole : List.of(alice, moderator)) {
            List<JsonNode> hits = search(whole, "2345678 " + tag);
            assertThat(hits).hasSize(1);
            assertThat(hits.getFirst().path("snippet").asString()).contains("+49 171 2345678");
            assertThat(search(whole, "hidden " + tag)).isEmpty();
        }
        assertThat(search(owner, "2345678 " + tag)).isEmpty();
        assertThat(search(owner, tag).getFirst().path("snippet").asString()).contains("[phone number hidden]");
    }

    private static List<JsonNode> search(ChatClient user, String q) {
        return user.get("search/?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))
                .expect(200)
                .path("results")
                .valueStream()
                .toList();
    }

    /** The highlighted words of a hit, lower case. */
    private static List<String> highlighted(JsonNode hit) {
        String snippet = hit.path("snippet").asString();
        return hit.path("highlights")
                .valueStream()
                .map(h -> snippet.substring(h.get(0).asInt(), h.get(1).asInt()).toLowerCase())
                .toList();
    }
}
