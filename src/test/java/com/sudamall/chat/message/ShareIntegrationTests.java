package com.sudamall.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Product and order shares: the seed's default texts, snapshots, and who may share an order. */
class ShareIntegrationTests extends IntegrationTest {

    @Test
    void productShareUsesTheSeedsDefaultTextAndKeepsASnapshot() {
        ChatClient customer = login("customer");
        ChatClient owner = login("owner");
        String store = createStore(owner);
        String product = createProduct(store, "Blue Ceramic Mug");
        String room = roomId(customerStoreRoom(customer, store, owner.id));

        JsonNode share = customer.post("rooms/" + room + "/share_product/", Map.of("product", product))
                .expect(201);
        platform()
                .put(
                        "/api/integration/products/" + product,
                        Map.of("name", "Green Mug", "store", store, "price", "9.99"))
                .expect(200);

        assertThat(share.path("content").asString()).isEqualTo("Check out this product: Blue Ceramic Mug");
        assertThat(share.path("ref").path("type").asString()).isEqualTo("product");
        JsonNode stored = customer.get("rooms/" + room + "/messages/")
                .expect(200)
                .path("messages")
                .get(0);
        assertThat(stored.path("ref").path("snapshot").path("name").asString()).isEqualTo("Blue Ceramic Mug");
        assertThat(stored.path("ref").path("snapshot").path("price").asString()).isEqualTo("12.50");
    }

    @Test
    void unknownProductNamesTheField() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        JsonNode problem = alice.post("rooms/" + room + "/share_product/", Map.of("product", "nope"))
                .expectProblem(400, "validation_failed");

        assertThat(problem.path("fields").has("product")).isTrue();
    }

    @Test
    void orderShareUsesTheOrderNumberAndIsForItsCustomerAndStore() {
        ChatClient customer = login("customer");
        ChatClient owner = login("owner");
        String store = createStore(owner);
        String order = createOrder(store, customer, "ORD-1001");
        String room = roomId(customerStoreRoom(customer, store, owner.id));

        JsonNode byCustomer = customer.post("rooms/" + room + "/share_order/", Map.of("order", order))
                .expect(201);
        JsonNode byOwner = owner.post("rooms/" + room + "/share_order/", Map.of("order", order, "message", "Shipped"))
                .expect(201);

        assertThat(byCustomer.path("content").asString()).isEqualTo("Order reference: ORD-1001");
        assertThat(byCustomer.path("message_type").asString()).isEqualTo("order");
        assertThat(byCustomer.path("ref").path("snapshot").path("order_number").asString())
                .isEqualTo("ORD-1001");
        assertThat(byOwner.path("content").asString()).isEqualTo("Shipped");
    }

    @Test
    void anotherParticipantMayNotShareSomeoneElsesOrder() {
        ChatClient customer = login("customer");
        ChatClient other = login("other");
        String store = createStore(login("owner"));
        String order = createOrder(store, customer, "ORD-2002");
        String room = roomId(groupRoom(customer, other));

        other.post("rooms/" + room + "/share_order/", Map.of("order", order)).expectProblem(403, "forbidden");
    }

    @Test
    void theOrderPickerListsTheCustomersOrdersAtTheRoomsStoreForBothSides() {
        ChatClient customer = login("customer");
        ChatClient owner = login("owner");
        ChatClient staff = login("staff");
        ChatClient otherCustomer = login("other");
        String store = createStore(owner, staff);
        String first = createOrder(store, customer, "ORD-1");
        String second = createOrder(store, customer, "ORD-2");
        createOrder(store, otherCustomer, "ORD-3");
        createOrder(createStore(login("elsewhere")), customer, "ORD-4");
        String room = roomId(customerStoreRoom(customer, store, owner.id));

        for (ChatClient side : new ChatClient[] {customer, owner, staff}) {
            JsonNode orders = side.get("rooms/" + room + "/orders/").expect(200).path("results");
            assertThat(orders.valueStream().map(o -> o.path("order_number").asString()))
                    .as("what %s may pick", side.id)
                    .containsExactlyInAnyOrder("ORD-1", "ORD-2");
        }
        JsonNode picked = customer.get("rooms/" + room + "/orders/").expect(200).path("results");
        assertThat(picked.valueStream().map(o -> o.path("id").asString())).containsExactlyInAnyOrder(first, second);
        assertThat(picked.get(0).path("status").asString()).isEqualTo("paid");
        assertThat(picked.get(0).path("total").asString()).isEqualTo("25.00");
        // every order the picker offers can be shared by either side
        owner.post("rooms/" + room + "/share_order/", Map.of("order", second)).expect(201);
        otherCustomer.get("rooms/" + room + "/orders/").expectProblem(404, "not_found");
    }

    @Test
    void roomsWithoutAStoreOfferNoOrders() {
        ChatClient alice = login("alice");
        String room = roomId(privateRoom(alice, login("bob")));

        assertThat(alice.get("rooms/" + room + "/orders/")
                        .expect(200)
                        .path("results")
                        .isEmpty())
                .isTrue();
    }
}
