package com.sudamall.chat.webclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sudamall.chat.support.Browser;
import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.PushReceiver;
import com.sudamall.chat.support.PushReceiver.Device;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A pushed alert in the browser. Chromium here cannot reach a real push service, so the local one stands in: the
 * service pushes the alert there, encrypted; it decrypts it as the browser would and hands the payload to the web
 * client's service worker through the DevTools protocol, as the browser's push service connection would. The service
 * worker shows it as a notification of the room.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PushWebClientIntegrationTests extends IntegrationTest {

    private static final PushReceiver pushService = new PushReceiver();

    @DynamicPropertySource
    static void push(DynamicPropertyRegistry registry) {
        registry.add("chat.push.allowed-hosts", () -> "127.0.0.1");
        registry.add("chat.push.require-https", () -> "false");
        registry.add("chat.alerts.delay", () -> "2s");
        registry.add("chat.alerts.scan-interval", () -> "300ms");
        registry.add("chat.alerts.lookback", () -> "1m");
    }

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    @AfterAll
    static void stop() {
        pushService.close();
    }

    @Test
    void aMissedMessageShowsAsTheRoomsNotification() {
        ChatClient alice = login("alice", "customer");
        ChatClient bob = login("bob", "customer");
        String room = roomId(privateRoom(alice, bob));
        String origin = "http://localhost:" + port;
        try (Browser browser = Browser.open(1280, 800)) {
            browser.get(origin + "/?token=" + bob.token());
            browser.until("the socket", () -> "open".equals(browser.script("return window.__chat?.socket.status")));
            browser.devTools(
                    "Browser.grantPermissions", Map.of("permissions", List.of("notifications"), "origin", origin));
            // the setting shows once the service worker is registered and the service gave its key
            browser.until(
                    "the push setting",
                    () -> Boolean.FALSE.equals(browser.script(
                            "return document.querySelector('#browser-push').closest('.setting').hidden")));
            assertThat(browser.asyncScript("navigator.serviceWorker.ready.then((r) => arguments[0](r.scope))"))
                    .isEqualTo(origin + "/");

            Device device = pushService.device("browser-" + bob.id);
            bob.post("push/subscriptions/", device.subscription()).expect(201);
            browser.get("about:blank"); // Bob leaves: no socket, so the message is missed
            send(alice, room, "Is the blue mug still available?");
            String payload = await().atMost(Duration.ofSeconds(20))
                    .until(() -> pushService.received("browser-" + bob.id), list -> !list.isEmpty())
                    .getFirst()
                    .plaintext();

            browser.devTools("ServiceWorker.enable", Map.of());
            browser.devTools(
                    "ServiceWorker.deliverPushMessage",
                    Map.of("origin", origin, "registrationId", "0", "data", payload));
            browser.get(origin + "/");
            browser.until(
                    "the notification",
                    () -> !((List<?>) browser.asyncScript(
                                    "navigator.serviceWorker.ready.then((r) => r.getNotifications())"
                                            + ".then((ns) => arguments[0](ns.map((n) => n.tag)))"))
                            .isEmpty());
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = (Map<String, Object>)
                    browser.asyncScript("navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((ns) =>"
                            + " arguments[0]({title: ns[0].title, body: ns[0].body, tag: ns[0].tag,"
                            + " url: ns[0].data.url}))");
            assertThat(shown)
                    .containsEntry("tag", room)
                    .containsEntry("url", "/#room=" + room)
                    .containsEntry("title", alice.name); // a private room is named after the other party
            assertThat((String) shown.get("body")).contains(alice.name + ": Is the blue mug still available?");
        }
    }
}
