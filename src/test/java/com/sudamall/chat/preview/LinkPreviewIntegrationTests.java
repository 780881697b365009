package com.sudamall.chat.preview;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.preview.internal.LocalSite;
import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A message's first link gets its card after the send, live as a {@code preview} frame and in history, with the
 * image served by the service; one fetch per URL; none for a link the contact filter hid. The shop is a local web
 * server: its port and 127.0.0.1 are allowed here as an operator would allow an internal range.
 */
@TestPropertySource(
        properties = {
            "chat.previews.enabled=true",
            "chat.previews.allow-addresses=127.0.0.1/32",
            "chat.moderation.contact-policy.private=mask"
        })
class LinkPreviewIntegrationTests extends IntegrationTest {

    private static final LocalSite site = new LocalSite();

    @DynamicPropertySource
    static void shop(DynamicPropertyRegistry registry) {
        registry.add("chat.previews.allowed-ports", () -> "80,443," + site.port());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aLinkGetsItsCardLiveAndInHistoryAndEachUrlIsFetchedOnce() throws Exception {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(groupRoom(alice, bob));
        String link = site.url("/product/kettle");

        try (SocketClient bobRoom = roomSocket(bob, room).ready()) {
            JsonNode sent = send(alice, room, "Look at " + link + ".");
            assertThat(sent.path("preview").isNull()).isTrue();
            JsonNode frame = bobRoom.await(type("preview"));
            JsonNode preview = frame.path("message").path("preview");
            assertThat(frame.path("message").path("id").asString())
                    .isEqualTo(sent.path("id").asString());
            assertThat(preview.path("url").asString()).isEqualTo(link);
            assertThat(preview.path("title").asString()).isEqualTo("Red Kettle");
            assertThat(preview.path("description").asString()).isEqualTo("A kettle, red.");
            assertThat(preview.path("site_name").asString()).isEqualTo("Kettle Shop");
            assertThat(preview.path("image").path("width").asInt()).isEqualTo(400);
            assertThat(preview.path("image").path("height").asInt()).isEqualTo(300);

            // the image comes from the service, re-encoded, to signed-in users only
            String image = preview.path("image").path("url").asString();
            ChatClient.Download download = bob.download(image);
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(download.body()));
            assertThat(decoded.getWidth()).isEqualTo(400);
            assertThat(anonymous().download(image).status()).isEqualTo(401);

            // history carries it; a second message with the same link is not fetched again
            JsonNode history = bob.get("rooms/" + room + "/messages/?limit=10").expect(200);
            assertThat(history.path("messages")
                            .get(0)
                            .path("preview")
                            .path("title")
                            .asString())
                    .isEqualTo("Red Kettle");
            int second = bobRoom.mark();
            send(alice, room, "again: " + link);
            assertThat(bobRoom.await(second, type("preview"))
                            .path("message")
                            .path("preview")
                            .path("title")
                            .asString())
                    .isEqualTo("Red Kettle");
            assertThat(site.hits("/product/kettle")).isEqualTo(1);
            assertThat(site.hits("/kettle.jpg")).isEqualTo(1);

            // an edit that takes the link out takes the card away
            int from = bobRoom.mark();
            alice.patch(
                            "rooms/" + room + "/messages/" + sent.path("id").asString() + "/",
                            Map.of("content", "never mind"))
                    .expect(200);
            JsonNode gone = bobRoom.await(from, type("preview"));
            assertThat(gone.path("message").path("preview").isNull()).isTrue();
        }
    }

    @Test
    void aLinkTheContactFilterHidesIsNeverFetched() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String hidden = roomId(privateRoom(alice, bob));
        String group = roomId(groupRoom(alice, bob));

        try (SocketClient bobGroup = roomSocket(bob, group).ready()) {
            JsonNode masked = send(alice, hidden, "write me at " + site.url("/contact-me") + " instead");
            send(alice, group, site.url("/product/after"));
            bobGroup.await(type("preview"));
            assertThat(site.hits("/contact-me")).isZero();
            JsonNode seen = bob.get("rooms/" + hidden + "/messages/?limit=10").expect(200);
            assertThat(seen.path("messages").get(0).path("content").asString()).doesNotContain("contact-me");
            assertThat(seen.path("messages").get(0).path("preview").isNull()).isTrue();
            assertThat(masked.path("id").asString()).isNotBlank();
        }
    }
}
