package com.sudamall.chat.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.preview.internal.LocalSite;
import com.sudamall.chat.support.Browser;
import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A link's card in the browser: one person writes a link to a (local) shop, and the other sees the card appear under
 * the message, live, with the image the service re-encoded.
 */
@TestPropertySource(properties = {"chat.previews.enabled=true", "chat.previews.allow-addresses=127.0.0.1/32"})
class LinkPreviewWebClientIntegrationTests extends IntegrationTest {

    private static final LocalSite site = new LocalSite();

    @DynamicPropertySource
    static void shop(DynamicPropertyRegistry registry) {
        registry.add("chat.previews.allowed-ports", () -> "80,443," + site.port());
    }

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aLinksCardAppearsLiveForTheOtherParty() {
        ChatClient alice = login("alice", "customer");
        ChatClient bob = login("bob", "customer");
        String group = roomId(groupRoom(alice, bob));
        try (Browser writer = Browser.open(1280, 800);
                Browser reader = Browser.open(1280, 800)) {
            reader.get("http://localhost:" + port + "/?token=" + bob.token() + "#room=" + group);
            awaitOnline(reader);
            writer.get("http://localhost:" + port + "/?token=" + alice.token() + "#room=" + group);
            awaitOnline(writer);

            writer.find("#composer-input").sendKeys("Found it: " + site.url("/product/red-kettle"), Keys.ENTER);
            reader.until("the card", () -> !reader.all(".message .link-preview").isEmpty());
            reader.until(
                    "the card's image",
                    () -> Boolean.TRUE.equals(
                            reader.script(
                                    "const i = document.querySelector('.link-preview img'); return !!i && i.naturalWidth > 0")));
            reader.screenshot("link-preview");
            String card = reader.find(".message .link-preview").getText();
            assertThat(card).contains("Kettle Shop", "Red Kettle", "A kettle, red.");
            assertThat(reader.find(".message .link-preview").getAttribute("href"))
                    .isEqualTo(site.url("/product/red-kettle"));
            // the writer's own message gets the card too
            writer.until(
                    "the writer's card",
                    () -> !writer.all(".message .link-preview").isEmpty());
        }
    }

    private static void awaitOnline(Browser browser) {
        browser.until("the socket", () -> "open".equals(browser.script("return window.__chat?.socket.status")));
    }
}
