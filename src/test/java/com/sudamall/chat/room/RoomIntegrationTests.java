package com.sudamall.chat.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Opening rooms: types, default names, limits and the one customer-store room per customer and store. */
class RoomIntegrationTests extends IntegrationTest {

    @Test
    void roomsWithoutATypeArePrivateAndNamedAfterTheirType() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");

        JsonNode room =
                alice.post("rooms/", Map.of("participants", List.of(bob.id))).expect(201);

        assertThat(room.path("room_type").asString()).isEqualTo("private");
        assertThat(room.path("name").asString()).isEqualTo("Private Chat");
        assertThat(room.path("max_participants").asInt()).isEqualTo(2);
        assertThat(room.path("created_by").path("id").asString()).isEqualTo(alice.id);
        assertThat(room.path("unread_count").asInt()).isZero();
        assertThat(room.path("last_message").isNull()).isTrue();
    }

    @Test
    void groupRoomsAreNamedGroupChat() {
        JsonNode room = groupRoom(login("alice"), login("bob"), login("carol"));

        assertThat(room.path("name").asString()).isEqualTo("Group Chat");
        assertThat(room.path("participant_count").asInt()).isEqualTo(3);
    }

    @Test
    void customerStoreRoomIsReturnedAgainInsteadOfDuplicated() {
        ChatClient customer = login("customer", "customer");
        ChatClient owner = login("owner", "store_owner");
        String store = createStore(owner);
        Map<String, Object> body =
                Map.of("participants", List.of(owner.id), "room_type", "customer_store", "store", store);

        JsonNode first = customer.post("rooms/", body).expect(201);
        JsonNode again = customer.post("rooms/", body).expect(200);
        JsonNode fromOwner = owner.post(
                        "rooms/",
                        Map.of("participants", List.of(customer.id), "room_type", "customer_store", "store", store))
                .expect(200);

        assertThat(roomId(again)).isEqualTo(roomId(first));
        assertThat(roomId(fromOwner)).isEqualTo(roomId(first));
    }

    @Test
    void customerStoreRoomAlwaysIncludesTheStoreOwner() {
        ChatClient customer = login("customer", "customer");
        ChatClient owner = login("owner", "store_owner");
        String store = createStore(owner);

        JsonNode room = customer.post("rooms/", Map.of("room_type", "customer_store", "store", store))
                .expect(201);

        assertThat(room.path("participant_count").asInt()).isEqualTo(2);
        assertThat(room.toString()).contains(owner.id);
    }

    @Test
    void customerStoreRoomNeedsAKnownStore() {
        ChatClient customer = login("customer");

        customer.post("rooms/", Map.of("room_type", "customer_store")).expectProblem(400, "validation_failed");
        customer.post("rooms/", Map.of("room_type", "customer_store", "store", "no-such-store"))
                .expectProblem(400, "validation_failed");
    }

    @Test
    void participantsBeyondTheLimitAreRefused() {
        ChatClient alice = login("alice");

        alice.post("rooms/", Map.of("participants", List.of(login("b").id, login("c").id), "room_type", "private"))
                .expectProblem(400, "room_full");
    }

    @Test
    void unknownRoomTypeIsRefused() {
        login("alice").post("rooms/", Map.of("room_type", "party")).expectProblem(400, "validation_failed");
    }

    @Test
    void listShowsMyActiveRoomsNewestActivityFirstInPages() {
        ChatClient me = login("me");
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(roomId(privateRoom(me, login("other"))));
        }
        send(me, opened.get(1), "bump");

        List<String> listed = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = me.get("rooms/?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200);
            assertThat(page.path("results").size()).isLessThanOrEqualTo(2);
            page.path("results").forEach(r -> listed.add(roomId(r)));
            cursor = page.path("next_cursor").isNull()
                    ? null
                    : page.path("next_cursor").asString();
        } while (cursor != null);

        assertThat(listed).hasSize(5).doesNotHaveDuplicates().first().isEqualTo(opened.get(1));
        assertThat(listed.subList(1, 5)).containsExactly(opened.get(4), opened.get(3), opened.get(2), opened.get(0));
    }

    @Test
    void listFiltersByRoomType() {
        ChatClient me = login("me");
        privateRoom(me, login("other"));
        JsonNode group = groupRoom(me, login("other"));

        JsonNode page = me.get("rooms/?room_type=group").expect(200);

        assertThat(page.path("results").size()).isEqualTo(1);
        assertThat(roomId(page.path("results").get(0))).isEqualTo(roomId(group));
        me.get("rooms/?room_type=nonsense").expectProblem(400, "validation_failed");
    }

    @Test
    void nonParticipantGets404ForTheRoomAndItsMessages() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        ChatClient stranger = login("stranger");

        stranger.get("rooms/" + room + "/").expectProblem(404, "not_found");
        stranger.get("rooms/" + room + "/messages/").expectProblem(404, "not_found");
        stranger.post("rooms/" + room + "/send_message/", Map.of("content", "hi"))
                .expectProblem(404, "not_found");
        stranger.patch("rooms/" + room + "/", Map.of("name", "mine")).expectProblem(404, "not_found");
    }

    @Test
    void moderatorsReadAnyRoomButPostOnlyWhereTheyTakePart() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));
        ChatClient moderator = login("mod", "moderator");

        moderator.get("rooms/" + room + "/").expect(200);
        moderator.get("rooms/" + room + "/messages/").expect(200);
        moderator
                .post("rooms/" + room + "/send_message/", Map.of("content", "hi"))
                .expectProblem(403, "not_participant");
    }
}
