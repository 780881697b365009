package com.sudamall.chat.realtime;

import static com.sudamall.chat.support.SocketClient.messageWithContent;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.ExtraNode;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A node that shuts down sends its clients elsewhere (1001) and loses nothing it acked. */
class ShutdownIntegrationTests extends IntegrationTest {

    @Test
    void shutdownClosesSocketsWithGoingAwayAndClientsResumeElsewhere() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        ExtraNode node = ExtraNode.start();
        SocketClient onLeavingNode = SocketClient.connect(node.port(), "/ws/chat/" + room + "/?token=" + alice.token());
        onLeavingNode.send(Map.of("type", "text", "content", "acked before shutdown", "client_msg_id", "s-1"));
        JsonNode ack = onLeavingNode.await(f -> "ack".equals(f.path("type").asString()));

        node.close();

        assertThat(onLeavingNode.awaitClose()).isEqualTo(1001);
        long seq = ack.path("message").path("seq").asLong();
        try (SocketClient elsewhere = SocketClient.connect(
                port, "/ws/chat/" + room + "/?after_seq=" + (seq - 1) + "&token=" + alice.token())) {
            elsewhere.await(messageWithContent("acked before shutdown"));
        }
    }
}
