package com.sudamall.chat.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Changing a room: settings, participants, leaving. */
class RoomManagementIntegrationTests extends IntegrationTest {

    @Test
    void ownerRenamesTheRoomAndChangesSettings() {
        ChatClient owner = login("owner");
        String room = roomId(groupRoom(owner, login("member")));

        JsonNode changed = owner.patch(
                        "rooms/" + room + "/", Map.of("name", "Weekend sale", "allow_file_sharing", false))
                .expect(200);

        assertThat(changed.path("name").asString()).isEqualTo("Weekend sale");
        assertThat(changed.path("allow_file_sharing").asBoolean()).isFalse();
        assertThat(changed.path("is_moderated").asBoolean()).isFalse();
    }

    @Test
    void otherParticipantsMayNotChangeTheRoom() {
        ChatClient member = login("member");
        String room = roomId(groupRoom(login("owner"), member));

        member.patch("rooms/" + room + "/", Map.of("name", "Mine")).expectProblem(403, "forbidden");
    }

    @Test
    void settingsRefuseValuesOfTheWrongType() {
        ChatClient owner = login("owner");
        String room = roomId(groupRoom(owner, login("member")));

        JsonNode problem = owner.patch("rooms/" + room + "/", Map.of("allow_file_sharing", "yes"))
                .expectProblem(400, "validation_failed");

        assertThat(problem.path("fields").has("allow_file_sharing")).isTrue();
    }

    @Test
    void ownerAddsAParticipantWithinTheLimit() {
        ChatClient owner = login("owner");
        ChatClient newcomer = login("newcomer");
        String room = roomId(groupRoom(owner, login("member")));

        JsonNode updated = owner.post("rooms/" + room + "/participants/", Map.of("user", newcomer.id))
                .expect(201);

        assertThat(updated.path("participant_count").asInt()).isEqualTo(3);
        newcomer.get("rooms/" + room + "/").expect(200);
    }

    @Test
    void addingToAFullRoomIsRefused() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        alice.post("rooms/" + room + "/participants/", Map.of("user", login("carol").id))
                .expectProblem(400, "room_full");
    }

    @Test
    void aParticipantLeavesAndLosesAccess() {
        ChatClient owner = login("owner");
        ChatClient member = login("member");
        String room = roomId(groupRoom(owner, member));
        send(member, room, "before leaving"); // the send path now remembers the member

        member.delete("rooms/" + room + "/participants/" + member.id + "/").expect(204);

        member.get("rooms/" + room + "/").expectProblem(404, "not_found");
        member.post("rooms/" + room + "/send_message/", Map.of("content", "after leaving"))
                .expectProblem(404, "not_found");
        assertThat(owner.get("rooms/" + room + "/")
                        .expect(200)
                        .path("participant_count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aMemberMayNotRemoveSomeoneElse() {
        ChatClient owner = login("owner");
        ChatClient member = login("member");
        String room = roomId(groupRoom(owner, member));

        member.delete("rooms/" + room + "/participants/" + owner.id + "/").expectProblem(403, "forbidden");
    }

    @Test
    void whenEveryoneLeavesTheRoomBecomesInactive() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));

        alice.delete("rooms/" + room + "/participants/" + alice.id + "/").expect(204);
        bob.delete("rooms/" + room + "/participants/" + bob.id + "/").expect(204);

        JsonNode asModerator =
                login("mod", "moderator").get("rooms/" + room + "/").expect(200);
        assertThat(asModerator.path("is_active").asBoolean()).isFalse();
        assertThat(bob.get("rooms/").expect(200).path("results").size()).isZero();
    }

    @Test
    void anInactiveCustomerStoreRoomMakesWayForANewOne() {
        ChatClient customer = login("customer");
        ChatClient owner = login("owner");
        String store = createStore(owner);
        String first = roomId(customerStoreRoom(customer, store, owner.id));
        customer.delete("rooms/" + first + "/participants/" + customer.id + "/").expect(204);
        owner.delete("rooms/" + first + "/participants/" + owner.id + "/").expect(204);

        String second = roomId(customerStoreRoom(customer, store, owner.id));

        assertThat(second).isNotEqualTo(first);
    }
}
