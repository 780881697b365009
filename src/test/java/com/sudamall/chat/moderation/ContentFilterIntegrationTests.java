package com.sudamall.chat.moderation;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The content filters on both doors: a phone number in a customer-store room is masked for the store (the
 * customer and moderators see it), flagged in a group, refused in a private room.
 */
@TestPropertySource(
        properties = {"chat.moderation.contact-policy.group=flag", "chat.moderation.contact-policy.private=block"})
class ContentFilterIntegrationTests extends IntegrationTest {

    private static final String PHONE_TEXT = "Call me on +49 171 2345678, it's cheaper without the fees";
    private static final String MASKED_TEXT = "Call me on [phone number hidden], it's cheaper without the fees";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void theStoreSeesAPlaceholderWhereTheCustomerWroteANumber() {
        ChatClient owner = login("owner", "store_owner");
        ChatClient customer = login("customer");
        ChatClient moderator = login("moderator", "moderator");
        String room = roomId(customerStoreRoom(customer, createStore(owner), owner.id));

        try (SocketClient shop = roomSocket(owner, room);
                SocketClient own = roomSocket(customer, room)) {
            JsonNode sent = send(customer, room, PHONE_TEXT);
            assertThat(sent.path("content").asString()).isEqualTo(PHONE_TEXT);
            assertThat(sent.path("is_masked").asBoolean()).isTrue();
            JsonNode live = shop.await(type("message")).path("message");
            assertThat(live.path("content").asString()).isEqualTo(MASKED_TEXT);
            assertThat(live.path("is_masked").asBoolean()).isTrue();

            int mark = own.mark();
            own.send(Map.of("type", "text", "content", "or mail me: bob@example.org", "client_msg_id", "c-mail"));
            JsonNode ack = own.await(mark, type("ack")).path("message");
            assertThat(ack.path("content").asString()).isEqualTo("or mail me: bob@example.org");
            assertThat(shop.await(f -> "message".equals(f.path("type").asString())
                                    && f.path("message").path("id").equals(ack.path("id")))
                            .path("message")
                            .path("content")
                            .asString())
                    .isEqualTo("or mail me: [e-mail address hidden]");
        }

        assertThat(latest(owner, room, 2)).containsExactly(MASKED_TEXT, "or mail me: [e-mail address hidden]");
        assertThat(latest(customer, room, 2)).containsExactly(PHONE_TEXT, "or mail me: bob@example.org");
        assertThat(latest(moderator, room, 2)).containsExactly(PHONE_TEXT, "or mail me: bob@example.org");

        // an edit is screened too
        JsonNode plain = send(customer, room, "Is it dishwasher safe?");
        assertThat(plain.path("is_masked").asBoolean()).isFalse();
        customer.patch(
                        "rooms/" + room + "/messages/" + plain.path("id").asString() + "/",
                        Map.of("content", "Is it dishwasher safe? +49 171 2345678"))
                .expect(200);
        assertThat(latest(owner, room, 1)).containsExactly("Is it dishwasher safe? [phone number hidden]");
    }

    @Test
    void aGroupGetsTheTextAndTheModeratorsAFlag() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(groupRoom(alice, bob));
        JsonNode sent = send(alice, room, PHONE_TEXT);
        assertThat(sent.path("content").asString()).isEqualTo(PHONE_TEXT);
        assertThat(sent.path("is_flagged").asBoolean()).isTrue();
        assertThat(latest(bob, room, 1)).containsExactly(PHONE_TEXT);
        assertThat(jdbc.sql("SELECT source, status, reason FROM flags WHERE message_id = :id")
                        .param("id", java.util.UUID.fromString(sent.path("id").asString()))
                        .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
                        .list())
                .containsExactly("filter|open|Content filter: a phone number");
    }

    @Test
    void aPrivateRoomRefusesItOnBothDoors() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        alice.post("rooms/" + room + "/send_message/", Map.of("content", PHONE_TEXT))
                .expectProblem(400, "blocked_content");
        try (SocketClient socket = roomSocket(alice, room)) {
            socket.send(Map.of("type", "text", "content", PHONE_TEXT, "client_msg_id", "c-blocked"));
            JsonNode error = socket.await(type("error"));
            assertThat(error.path("code").asString()).isEqualTo("blocked_content");
            assertThat(error.path("client_msg_id").asString()).isEqualTo("c-blocked");
        }
        assertThat(latest(bob, room, 10)).isEmpty();
    }

    private static java.util.List<String> latest(ChatClient reader, String room, int count) {
        return reader.get("rooms/" + room + "/messages/?limit=" + count + "&mark_read=false")
                .expect(200)
                .path("messages")
                .valueStream()
                .map(m -> m.path("content").asString())
                .toList();
    }
}
