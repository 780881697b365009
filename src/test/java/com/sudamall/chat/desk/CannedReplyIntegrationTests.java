package com.sudamall.chat.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A store's canned replies: kept by its team, found by shortcut in a conversation, sent with variables filled. */
class CannedReplyIntegrationTests extends IntegrationTest {

    @Test
    void theTeamKeepsRepliesAndSendsThemFilledForTheConversation() {
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient customer = login("customer");
        String store = createStore(owner, staff);
        String product = createProduct(store, "Blue Ceramic Mug");
        createOrder(store, customer, "ORD-7001");
        String room = roomId(productInquiry(customer, store, owner.id, product));
        String replies = "stores/" + store + "/canned_replies/";

        JsonNode thanks = owner.post(
                        replies,
                        Map.of(
                                "shortcut",
                                "thanks",
                                "body",
                                "Thanks {customer_name}! Your {product_name} from {store_name} ({order_number}) ships soon."))
                .expect(201);
        staff.post(replies, Map.of("shortcut", "hours", "body", "We answer 9 to 5."))
                .expect(201);
        staff.post(replies, Map.of("shortcut", "thanks", "body", "Again")).expectProblem(409, "conflict");
        assertThat(staff.get(replies)
                        .expect(200)
                        .path("results")
                        .valueStream()
                        .map(r -> r.path("shortcut").asString()))
                .containsExactly("hours", "thanks");

        List<JsonNode> picked = staff.get("rooms/" + room + "/canned_replies/?q=th")
                .expect(200)
                .path("results")
                .valueStream()
                .toList();
        String filled =
                "Thanks " + customer.name + "! Your Blue Ceramic Mug from Store " + store + " (ORD-7001) ships soon.";
        assertThat(picked)
                .singleElement()
                .satisfies(reply -> assertThat(reply.path("text").asString()).isEqualTo(filled));

        String id = thanks.path("id").asString();
        JsonNode sent = staff.post("rooms/" + room + "/canned_replies/" + id + "/send/", Map.of("client_msg_id", "c-1"))
                .expect(201);
        assertThat(sent.path("content").asString()).isEqualTo(filled);
        assertThat(sent.path("sender").path("id").asString()).isEqualTo(staff.id);
        staff.post("rooms/" + room + "/canned_replies/" + id + "/send/", Map.of("client_msg_id", "c-1"))
                .expect(200); // a retry returns the first send, as send_message does
        JsonNode history =
                customer.get("rooms/" + room + "/messages/?mark_read=false").expect(200);
        assertThat(history.path("messages")
                        .valueStream()
                        .map(m -> m.path("content").asString()))
                .containsOnlyOnce(filled);

        JsonNode changed = owner.patch(replies + id + "/", Map.of("body", "Thank you, {customer_name}."))
                .expect(200);
        assertThat(changed.path("shortcut").asString()).isEqualTo("thanks");
        owner.delete(replies + id + "/").expect(204);
        owner.delete(replies + id + "/").expectProblem(404, "not_found");
    }

    @Test
    void onlyTheStoresTeamSeesOrUsesItsReplies() {
        ChatClient owner = login("owner");
        ChatClient customer = login("customer");
        ChatClient otherOwner = login("owner");
        String store = createStore(owner);
        String otherStore = createStore(otherOwner);
        String room = roomId(customerStoreRoom(customer, store, owner.id));
        String replies = "stores/" + store + "/canned_replies/";
        String id = owner.post(replies, Map.of("shortcut", "hi", "body", "Hello!"))
                .expect(201)
                .path("id")
                .asString();

        customer.get(replies).expectProblem(404, "not_found");
        otherOwner.get(replies).expectProblem(404, "not_found");
        otherOwner.post(replies, Map.of("shortcut", "x", "body", "y")).expectProblem(404, "not_found");
        otherOwner.delete(replies + id + "/").expectProblem(404, "not_found");
        otherOwner
                .patch("stores/" + otherStore + "/canned_replies/" + id + "/", Map.of("body", "z"))
                .expectProblem(404, "not_found");
        customer.get("rooms/" + room + "/canned_replies/").expectProblem(403, "forbidden");
        customer.post("rooms/" + room + "/canned_replies/" + id + "/send/", Map.of())
                .expectProblem(403, "forbidden");
        otherOwner.get("rooms/" + room + "/canned_replies/").expectProblem(404, "not_found");

        owner.post(replies, Map.of("shortcut", "Bad Shortcut", "body", "x")).expectProblem(400, "validation_failed");
        owner.post(replies, Map.of("shortcut", "ok", "body", "Hi {customer}")).expectProblem(400, "validation_failed");
        owner.post(replies, Map.of("shortcut", "ok", "body", " ")).expectProblem(400, "validation_failed");
    }
}
