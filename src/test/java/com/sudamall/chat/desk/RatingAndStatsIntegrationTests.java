package com.sudamall.chat.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ratings of resolved conversations, and a store's reply-time facts for its team and for its product pages. */
class RatingAndStatsIntegrationTests extends IntegrationTest {

    @Test
    void aResolvedConversationAsksItsCustomerForOneRatingPerResolution() {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient customer = login("customer");
        String store = createStore(owner, staff);
        String room = roomId(customerStoreRoom(customer, store, owner.id));
        String rating = "rooms/" + room + "/rating/";
        send(customer, room, "My parcel is late");
        send(staff, room, "It arrives tomorrow");

        customer.post(rating, Map.of("rating", 5)).expectProblem(409, "conflict");
        assertThat(customer.get(rating).expect(200).path("requested").asBoolean())
                .isFalse();
        staff.patch("rooms/" + room + "/", Map.of("status", "resolved")).expect(200);
        JsonNode asked = customer.get(rating).expect(200);
        assertThat(asked.path("requested").asBoolean()).isTrue();
        assertThat(asked.path("resolution").asInt()).isEqualTo(1);
        await().until(() -> customer.get("rooms/" + room + "/messages/?mark_read=false")
                .expect(200)
                .path("messages")
                .valueStream()
                .anyMatch(m -> "system".equals(m.path("message_type").asString())
                        && m.path("content").asString().startsWith("How did we do?")));

        staff.post(rating, Map.of("rating", 5)).expectProblem(403, "forbidden");
        login("outsider").get(rating).expectProblem(404, "not_found");
        customer.post(rating, Map.of("rating", 6)).expectProblem(400, "validation_failed");
        customer.post(rating, Map.of("comment", "no stars")).expectProblem(400, "validation_failed");
        JsonNode rated = customer.post(rating, Map.of("rating", 4, "comment", " Quick and kind "))
                .expect(201);
        assertThat(rated.path("rating").path("rating").asInt()).isEqualTo(4);
        assertThat(rated.path("rating").path("comment").asString()).isEqualTo("Quick and kind");
        customer.post(rating, Map.of("rating", 1)).expectProblem(409, "conflict");
        JsonNode seenByTeam = staff.get(rating).expect(200);
        assertThat(seenByTeam.path("requested").asBoolean()).isFalse();
        assertThat(seenByTeam.path("rating").path("rating").asInt()).isEqualTo(4);

        send(customer, room, "It did not come");
        staff.patch("rooms/" + room + "/", Map.of("status", "resolved")).expect(200);
        JsonNode again = customer.get(rating).expect(200);
        assertThat(again.path("resolution").asInt()).isEqualTo(2);
        assertThat(again.path("requested").asBoolean()).isTrue();
        customer.post(rating, Map.of("rating", 2)).expect(201);
    }

    @Test
    void theStoresTeamSeesItsReplyTimesStatusesAndRatings() {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient answered = login("customer");
        ChatClient waiting = login("customer");
        String store = createStore(owner, staff);
        String first = roomId(customerStoreRoom(answered, store, owner.id));
        String second = roomId(customerStoreRoom(waiting, store, owner.id));
        send(answered, first, "Is it in stock?");
        send(staff, first, "Yes");
        staff.patch("rooms/" + first + "/", Map.of("status", "resolved")).expect(200);
        answered.post("rooms/" + first + "/rating/", Map.of("rating", 4)).expect(201);
        send(waiting, second, "Hello?");

        JsonNode stats = owner.get("stores/" + store + "/stats/").expect(200);
        assertThat(stats.path("period_days").asInt()).isEqualTo(30);
        assertThat(stats.path("conversations").asInt()).isEqualTo(2);
        assertThat(stats.path("by_status").path("open").asInt()).isEqualTo(1);
        assertThat(stats.path("by_status").path("resolved").asInt()).isEqualTo(1);
        assertThat(stats.path("first_response").path("count").asInt()).isEqualTo(1);
        assertThat(stats.path("first_response").path("median_seconds").asLong()).isBetween(0L, 60L);
        assertThat(stats.path("answered_within_hour_share").asDouble())
                .as("the waiting one is not due within the hour yet")
                .isEqualTo(1.0);
        assertThat(stats.path("resolution").path("count").asInt()).isEqualTo(1);
        assertThat(stats.path("ratings").path("count").asInt()).isEqualTo(1);
        assertThat(stats.path("ratings").path("average").asDouble()).isEqualTo(4.0);
        assertThat(stats.path("ratings").path("distribution").path("4").asInt()).isEqualTo(1);
        assertThat(staff.get("stores/" + store + "/stats/?days=7")
                        .expect(200)
                        .path("period_days")
                        .asInt())
                .isEqualTo(7);

        answered.get("stores/" + store + "/stats/").expectProblem(404, "not_found");
        login("owner").get("stores/" + store + "/stats/").expectProblem(404, "not_found");
        owner.get("stores/" + store + "/stats/?days=0").expectProblem(400, "validation_failed");

        JsonNode few = answered.get("stores/" + store + "/responsiveness/").expect(200);
        assertThat(few.path("sample_size").asInt()).isEqualTo(1);
        assertThat(few.path("summary").isNull())
                .as("too few conversations to say")
                .isTrue();
        answered.get("stores/no-such-store/responsiveness/").expectProblem(404, "not_found");
    }

    @Test
    void aStoreThatAnswersFastIsSaidToReplyWithinAnHour() {
        ChatClient owner = login("owner");
        String store = createStore(owner);
        for (int i = 0; i < 5; i++) {
            ChatClient customer = login("customer");
            String room = roomId(customerStoreRoom(customer, store, owner.id));
            send(customer, room, "Question " + i);
            send(owner, room, "Answer " + i);
        }
        JsonNode facts =
                login("shopper").get("stores/" + store + "/responsiveness/").expect(200);
        assertThat(facts.path("sample_size").asInt()).isEqualTo(5);
        assertThat(facts.path("answered_within_hour_share").asDouble()).isEqualTo(1.0);
        assertThat(facts.path("summary").asString()).isEqualTo("usually replies within an hour");
    }
}
