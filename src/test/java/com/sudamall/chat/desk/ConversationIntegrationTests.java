package com.sudamall.chat.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The store desk's conversations through the API: status, assignee and labels changed by the team, reopened by the
 * customer, the first response stamped, snoozes that run out, and the inbox filters.
 */
class ConversationIntegrationTests extends IntegrationTest {

    @Test
    void theTeamAssignsLabelsAndSetsTheStatusAndTheRoomIsTold() {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient customer = login("customer");
        String store = createStore(owner, staff);
        JsonNode opened = customerStoreRoom(customer, store, owner.id);
        String room = roomId(opened);
        assertThat(opened.path("status").asString()).isEqualTo("open");
        assertThat(opened.path("assignee").isNull()).isTrue();
        assertThat(opened.path("labels").isEmpty()).isTrue();
        assertThat(opened.path("first_response_at").isNull()).isTrue();

        JsonNode changed = staff.patch(
                        "rooms/" + room + "/",
                        Map.of(
                                "assignee",
                                staff.id,
                                "labels",
                                List.of("Refund", " vip ", "refund"),
                                "status",
                                "pending"))
                .expect(200);
        assertThat(changed.path("status").asString()).isEqualTo("pending");
        assertThat(changed.path("assignee").path("id").asString()).isEqualTo(staff.id);
        assertThat(changed.path("labels").valueStream().map(JsonNode::asString)).containsExactly("refund", "vip");
        JsonNode seen = customer.get("rooms/" + room + "/").expect(200);
        assertThat(seen.path("assignee").path("name").asString()).isEqualTo(staff.name);
        assertThat(seen.path("status").asString()).isEqualTo("pending");

        Map<String, Object> unassign = new HashMap<>();
        unassign.put("assignee", null);
        JsonNode unassigned = owner.patch("rooms/" + room + "/", unassign).expect(200);
        assertThat(unassigned.path("assignee").isNull()).isTrue();
        assertThat(unassigned.path("labels").size()).isEqualTo(2); // left out, left as they were

        List<String> notices = await().until(() -> systemMessages(customer, room), list -> list.size() == 2);
        assertThat(notices)
                .containsExactly(staff.name + " took this conversation", owner.name + " unassigned this conversation");

        owner.patch("rooms/" + room + "/", Map.of("assignee", staff.id)).expect(200);
        await().until(
                        () -> systemMessages(customer, room),
                        list -> list.contains(owner.name + " assigned this conversation to " + staff.name));
    }

    @Test
    void onlyTheTeamChangesAConversationAndOnlyToWhatItCanBe() {
        ChatClient owner = login("owner");
        ChatClient customer = login("customer");
        ChatClient outsider = login("outsider");
        String store = createStore(owner);
        String room = roomId(customerStoreRoom(customer, store, owner.id));
        String path = "rooms/" + room + "/";

        customer.patch(path, Map.of("status", "resolved")).expectProblem(403, "forbidden");
        outsider.patch(path, Map.of("status", "resolved")).expectProblem(404, "not_found");
        owner.patch(path, Map.of("status", "closed")).expectProblem(400, "validation_failed");
        owner.patch(path, Map.of("assignee", customer.id)).expectProblem(400, "validation_failed");
        owner.patch(path, Map.of("assignee", outsider.id)).expectProblem(400, "validation_failed");
        owner.patch(path, Map.of("status", "snoozed")).expectProblem(400, "validation_failed");
        owner.patch(path, Map.of("snoozed_until", Instant.now().minusSeconds(60).toString()))
                .expectProblem(400, "validation_failed");
        owner.patch(
                        path,
                        Map.of(
                                "status",
                                "open",
                                "snoozed_until",
                                Instant.now().plusSeconds(60).toString()))
                .expectProblem(400, "validation_failed");
        owner.patch(path, Map.of("labels", List.of("x".repeat(51)))).expectProblem(400, "validation_failed");
        // a refused conversation change leaves the settings in the same body unapplied
        customer.patch(path, Map.of("name", "Renamed", "status", "resolved")).expectProblem(403, "forbidden");
        assertThat(owner.get(path).expect(200).path("name").asString()).isNotEqualTo("Renamed");

        String privateRoom = roomId(privateRoom(customer, outsider));
        customer.patch("rooms/" + privateRoom + "/", Map.of("status", "resolved"))
                .expectProblem(400, "validation_failed");
        assertThat(customer.get("rooms/" + privateRoom + "/")
                        .expect(200)
                        .path("status")
                        .isNull())
                .isTrue();
    }

    @Test
    void theCustomersMessageReopensAndTheTeamsFirstReplyAfterItIsTheFirstResponse() {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient customer = login("customer");
        String store = createStore(owner, staff);
        String room = roomId(customerStoreRoom(customer, store, owner.id));
        String path = "rooms/" + room + "/";

        send(staff, room, "Welcome! How can we help?");
        assertThat(owner.get(path).expect(200).path("first_response_at").isNull())
                .as("nothing to respond to yet")
                .isTrue();
        send(customer, room, "Where is my order?");
        Instant answeredAt =
                Instant.parse(send(staff, room, "Let me check").path("sent_at").asString());
        send(owner, room, "It shipped yesterday");
        assertThat(Instant.parse(
                        owner.get(path).expect(200).path("first_response_at").asString()))
                .isEqualTo(answeredAt);

        JsonNode resolved = staff.patch(path, Map.of("status", "resolved")).expect(200);
        assertThat(resolved.path("resolved_at").isNull()).isFalse();
        send(staff, room, "Anything else?");
        assertThat(owner.get(path).expect(200).path("status").asString())
                .as("the team's own messages leave it resolved")
                .isEqualTo("resolved");

        send(customer, room, "Actually, one more thing");
        JsonNode reopened = owner.get(path).expect(200);
        assertThat(reopened.path("status").asString()).isEqualTo("open");
        assertThat(reopened.path("resolved_at").isNull()).isTrue();
        assertThat(Instant.parse(reopened.path("first_response_at").asString())).isEqualTo(answeredAt);

        staff.patch(path, Map.of("status", "pending")).expect(200);
        send(customer, room, "Hello?");
        assertThat(owner.get(path).expect(200).path("status").asString()).isEqualTo("open");
    }

    @Test
    void aSnoozedConversationOpensWhenItsTimeComes() {
        ChatClient owner = login("owner");
        ChatClient customer = login("customer");
        String store = createStore(owner);
        String room = roomId(customerStoreRoom(customer, store, owner.id));
        String path = "rooms/" + room + "/";
        Instant until = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);

        JsonNode snoozed =
                owner.patch(path, Map.of("snoozed_until", until.toString())).expect(200);
        assertThat(snoozed.path("status").asString()).isEqualTo("snoozed");
        assertThat(Instant.parse(snoozed.path("snoozed_until").asString())).isEqualTo(until);

        JsonNode woken = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> owner.get(path).expect(200),
                        room1 -> "open".equals(room1.path("status").asString()));
        assertThat(woken.path("snoozed_until").isNull()).isTrue();
        assertThat(Instant.now()).isAfterOrEqualTo(until);
    }

    @Test
    void theInboxListsConversationsByStatusAssigneeAndLabel() {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient first = login("customer");
        ChatClient second = login("customer");
        ChatClient third = login("customer");
        String store = createStore(owner, staff);
        String mine = roomId(customerStoreRoom(first, store, owner.id));
        String labelled = roomId(customerStoreRoom(second, store, owner.id));
        String done = roomId(customerStoreRoom(third, store, owner.id));
        String group = roomId(groupRoom(staff, owner));
        staff.patch("rooms/" + mine + "/", Map.of("assignee", staff.id)).expect(200);
        staff.patch("rooms/" + labelled + "/", Map.of("labels", List.of("vip"))).expect(200);
        staff.patch("rooms/" + done + "/", Map.of("status", "resolved", "assignee", owner.id))
                .expect(200);

        assertThat(inbox(staff, "")).contains(mine, labelled, done, group);
        assertThat(inbox(staff, "?assignee=me")).containsExactly(mine);
        assertThat(inbox(owner, "?assignee=me")).containsExactly(done);
        assertThat(inbox(staff, "?assignee=" + owner.id)).containsExactly(done);
        assertThat(inbox(staff, "?assignee=none")).containsExactly(labelled);
        assertThat(inbox(staff, "?status=open")).containsExactlyInAnyOrder(mine, labelled);
        assertThat(inbox(staff, "?status=resolved&assignee=" + owner.id)).containsExactly(done);
        assertThat(inbox(staff, "?label=VIP")).containsExactly(labelled);
        assertThat(inbox(first, "?status=open")).containsExactly(mine);
        staff.get("rooms/?status=closed").expectProblem(400, "validation_failed");
    }

    private static List<String> inbox(ChatClient user, String query) {
        return user.get("rooms/" + query)
                .expect(200)
                .path("results")
                .valueStream()
                .map(room -> room.path("room_id").asString())
                .toList();
    }

    private static List<String> systemMessages(ChatClient reader, String room) {
        return reader.get("rooms/" + room + "/messages/?per_page=100&mark_read=false")
                .expect(200)
                .path("messages")
                .valueStream()
                .filter(message -> "system".equals(message.path("message_type").asString()))
                .map(message -> message.path("content").asString())
                .toList()
                .reversed();
    }
}
