package com.sudamall.chat.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's in-app notifications, with new_message coalesced per user and room. */
class NotificationIntegrationTests extends IntegrationTest {

    @Test
    void roomCreationNotifiesEveryParticipant() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));

        for (ChatClient user : List.of(alice, bob)) {
            JsonNode created = only(user, "room_created");
            assertThat(created.path("room_id").asString()).isEqualTo(room);
            assertThat(created.path("is_read").asBoolean()).isFalse();
            assertThat(created.path("title").asString()).isEqualTo("New Chat Room");
        }
    }

    @Test
    void newMessagesCoalesceIntoOneNotificationPerRoom() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        send(alice, room, "one");
        send(alice, room, "two");
        String last = send(alice, room, "three").path("id").asString();

        JsonNode notification = only(bob, "new_message");

        assertThat(notification.path("content").asString()).isEqualTo("three");
        assertThat(notification.path("message_id").asString()).isEqualTo(last);
        assertThat(notification.path("title").asString()).isEqualTo("New message from " + alice.name);
        assertThat(of(alice, "new_message")).isEmpty();
    }

    @Test
    void largeRoomsCountUnreadFromCursorsInsteadOfNotifyingEachMember() {
        ChatClient owner = login("owner");
        ChatClient reader = login("reader");
        List<String> others = new ArrayList<>(List.of(reader.id));
        for (int i = 0; i < 100; i++) {
            others.add(login("member").id);
        }
        String room = roomId(
                owner.post("rooms/", Map.of("participants", others, "room_type", "group", "max_participants", 200))
                        .expect(201));

        send(owner, room, "to 101 people");

        assertThat(of(reader, "new_message")).isEmpty();
        assertThat(reader.get("unread/").expect(200).path("rooms").path(room).asInt())
                .isEqualTo(1);
    }

    @Test
    void participantsAddedAndLeavingAreNotified() {
        ChatClient owner = login("owner");
        ChatClient member = login("member");
        ChatClient newcomer = login("newcomer");
        String room = roomId(groupRoom(owner, member));

        owner.post("rooms/" + room + "/participants/", Map.of("user", newcomer.id))
                .expect(201);
        member.delete("rooms/" + room + "/participants/" + member.id + "/").expect(204);

        assertThat(only(newcomer, "participant_added").path("room_id").asString())
                .isEqualTo(room);
        assertThat(of(owner, "participant_left")).hasSize(1);
        assertThat(of(member, "participant_left")).isEmpty();
    }

    @Test
    void markingReadByIdsAndAll() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        send(alice, roomId(privateRoom(alice, bob)), "hello");
        String created = only(bob, "room_created").path("id").asString();

        JsonNode byId =
                bob.post("notifications/read/", Map.of("ids", List.of(created))).expect(200);
        assertThat(byId.path("updated").asInt()).isEqualTo(1);
        assertThat(of(bob, "room_created")).isEmpty();

        JsonNode all = bob.post("notifications/read/", Map.of("all", true)).expect(200);
        assertThat(all.path("updated").asInt()).isEqualTo(1);
        assertThat(bob.get("notifications/?unread=true")
                        .expect(200)
                        .path("results")
                        .size())
                .isZero();
        bob.post("notifications/read/", Map.of()).expectProblem(400, "validation_failed");
    }

    private static JsonNode only(ChatClient user, String type) {
        List<JsonNode> found = of(user, type);
        assertThat(found).as("%s notifications of %s", type, user.id).hasSize(1);
        return found.getFirst();
    }

    private static List<JsonNode> of(ChatClient user, String type) {
        List<JsonNode> found = new ArrayList<>();
        user.get("notifications/?unread=true").expect(200).path("results").forEach(n -> {
            if (type.equals(n.path("notification_type").asString())) {
                found.add(n);
            }
        });
        return found;
    }
}
