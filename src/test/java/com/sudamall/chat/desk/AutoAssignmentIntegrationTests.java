package com.sudamall.chat.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A store that turns automatic assignment on: round robin over its team who are online, below the cap. */
class AutoAssignmentIntegrationTests extends IntegrationTest {

    @Test
    void newConversationsGoRoundTheOnlineTeamUpToTheCap() {
        ChatClient owner = login("owner");
        ChatClient first = login("staff");
        ChatClient second = login("staff");
        String store = createStore(owner, first, second);
        first.put("stores/" + store + "/desk/", Map.of("auto_assign", true)).expectProblem(403, "forbidden");
        JsonNode settings = owner.put("stores/" + store + "/desk/", Map.of("auto_assign", true, "max_open", 1))
                .expect(200);
        assertThat(settings.path("auto_assign").asBoolean()).isTrue();
        assertThat(first.get("stores/" + store + "/desk/")
                        .expect(200)
                        .path("max_open")
                        .asInt())
                .isEqualTo(1);

        List<String> online = Stream.of(first.id, second.id).sorted().toList(); // the owner is offline
        ChatClient watcher = login("watcher");
        String group = roomId(groupRoom(watcher, first, second));
        try (SocketClient watching = roomSocket(watcher, group);
                SocketClient a = userSocket(first);
                SocketClient b = userSocket(second)) {
            // both counted online before any customer writes
            watching.await(f -> isOnline(f, first));
            watching.await(f -> isOnline(f, second));
            String one = askedRoom(store, owner);
            String two = askedRoom(store, owner);
            assertThat(awaitAssignee(owner, one)).isEqualTo(online.get(0));
            assertThat(awaitAssignee(owner, two)).isEqualTo(online.get(1));

            String three = askedRoom(store, owner);
            await().during(Duration.ofMillis(800))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> assignee(owner, three) == null);
            assertThat(owner.get("rooms/?assignee=none")
                            .expect(200)
                            .path("results")
                            .valueStream()
                            .map(room -> room.path("room_id").asString()))
                    .contains(three);

            await().until(() -> owner.get("rooms/" + one + "/messages/?mark_read=false")
                    .expect(200)
                    .path("messages")
                    .valueStream()
                    .anyMatch(m -> m.path("content").asString().startsWith("This conversation was assigned to ")));
        }
    }

    @Test
    void aStoreWithoutItLeavesConversationsUnassigned() {
        ChatClient owner = login("owner");
        String store = createStore(owner);
        try (SocketClient socket = userSocket(owner)) {
            socket.ready();
            String room = askedRoom(store, owner);
            await().during(Duration.ofMillis(800))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> assignee(owner, room) == null);
        }
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("auto_assign", false);
        cleared.put("max_open", null);
        owner.put("stores/" + store + "/desk/", cleared).expect(200);
        owner.put("stores/" + store + "/desk/", Map.of("auto_assign", true, "max_open", 0))
                .expectProblem(400, "validation_failed");
        login("outsider").get("stores/" + store + "/desk/").expectProblem(404, "not_found");
    }

    private static boolean isOnline(JsonNode frame, ChatClient user) {
        return "presence".equals(frame.path("type").asString())
                && user.id.equals(frame.path("user").path("id").asString())
                && frame.path("online").asBoolean();
    }

    /** A new customer's room with the store, and their first message in it. */
    private String askedRoom(String store, ChatClient owner) {
        ChatClient customer = login("customer");
        String room = roomId(customerStoreRoom(customer, store, owner.id));
        send(customer, room, "Hello, anyone there?");
        return room;
    }

    private static String awaitAssignee(ChatClient reader, String room) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> assignee(reader, room), id -> id != null);
    }

    private static String assignee(ChatClient reader, String room) {
        JsonNode assignee = reader.get("rooms/" + room + "/").expect(200).path("assignee");
        return assignee.isNull() || assignee.isMissingNode()
                ? null
                : assignee.path("id").asString();
    }
}
