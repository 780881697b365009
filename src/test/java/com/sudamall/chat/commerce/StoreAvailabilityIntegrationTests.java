package com.sudamall.chat.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Business hours over the API: availability, and the one automatic reply per closed period. */
class StoreAvailabilityIntegrationTests extends IntegrationTest {

    private String storeWithHours(ChatClient owner, String zone, Map<String, ?> hours, String autoReply) {
        String id = freshId("store");
        putStore(owner, id, zone, hours, autoReply).expect(201);
        return id;
    }

    private com.sudamall.chat.support.Reply putStore(
            ChatClient owner, String id, String zone, Map<String, ?> hours, String autoReply) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Night Owl Books");
        body.put("owner", owner.id);
        body.put("staff", List.of());
        body.put("timezone", zone);
        body.put("business_hours", hours);
        body.put("auto_reply", autoReply);
        return platform().put("/api/integration/stores/" + id, body);
    }

    @Test
    void availabilityFollowsTheStoresZoneAcrossDaylightSaving() {
        ChatClient owner = login("owner", "store_owner");
        List<List<String>> nineToFive = List.of(List.of("09:00", "17:00"));
        Map<String, Object> everyDay = new HashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
            everyDay.put(day, nineToFive);
        }
        String store = storeWithHours(owner, "Europe/Berlin", everyDay, "Back at nine.");

        JsonNode saturdayNight = owner.get("stores/" + store + "/availability/?at=2026-03-28T20:00:00Z")
                .expect(200);
        assertThat(saturdayNight.path("open").asBoolean()).isFalse();
        assertThat(saturdayNight.path("timezone").asString()).isEqualTo("Europe/Berlin");
        // Sunday 09:00 is CEST: clocks went forward overnight
        assertThat(saturdayNight.path("next_open_at").asString()).isEqualTo("2026-03-29T07:00:00.000Z");
        assertThat(saturdayNight.path("next_close_at").isNull()).isTrue();
        assertThat(saturdayNight.path("auto_reply").asString()).isEqualTo("Back at nine.");

        JsonNode sundayNoon = owner.get("stores/" + store + "/availability/?at=2026-03-29T10:00:00Z")
                .expect(200);
        assertThat(sundayNoon.path("open").asBoolean()).isTrue();
        assertThat(sundayNoon.path("next_close_at").asString()).isEqualTo("2026-03-29T15:00:00.000Z");

        owner.get("stores/" + store + "/availability/?at=yesterday").expectProblem(400, "validation_failed");
        owner.get("stores/no-such-store/availability/").expectProblem(404, "not_found");
        anonymous().get("stores/" + store + "/availability/").expectProblem(401, "unauthorized");
    }

    @Test
    void aCustomerWritingToAClosedStoreIsToldOncePerClosedPeriod() {
        ChatClient owner = login("owner", "store_owner");
        ChatClient customer = login("customer", "customer");
        // closed every day of the week: no opening ahead
        String store = storeWithHours(owner, "UTC", Map.of(), "We're closed for inventory.");
        String room = roomId(customerStoreRoom(customer, store, owner.id));

        send(customer, room, "Hello?");
        send(customer, room, "Anyone there?");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> systemMessages(customer, room).size() == 1);
        assertThat(systemMessages(customer, room).getFirst()).isEqualTo("We're closed for inventory.");
        // the store side's own messages get no reply
        send(owner, room, "We'll be back soon.");

        // new hours: closed now, open three days from now, so a new closed period with a known end
        String inThreeDays = LocalDate.now(ZoneOffset.UTC)
                .plusDays(3)
                .getDayOfWeek()
                .name()
                .substring(0, 3)
                .toLowerCase(Locale.ROOT);
        putStore(
                        owner,
                        store,
                        "UTC",
                        Map.of(inThreeDays, List.of(List.of("09:00", "10:00"))),
                        "We're closed for inventory.")
                .expect(200);
        send(customer, room, "And now?");
        send(customer, room, "Still closed?");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> systemMessages(customer, room).size() == 2);
        assertThat(systemMessages(customer, room).get(1))
                .startsWith("We're closed for inventory. We open again on ")
                .endsWith("at 09:00 (UTC).");
        // and no more than that
        send(customer, room, "Hello again");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> systemMessages(customer, room).size() == 2);
    }

    private static List<String> systemMessages(ChatClient user, String room) {
        return user.get("rooms/" + room + "/messages/?limit=100&mark_read=false")
                .expect(200)
                .path("messages")
                .valueStream()
                .filter(m -> m.path("message_type").asString().equals("system"))
                .map(m -> m.path("content").asString())
                .toList();
    }
}
