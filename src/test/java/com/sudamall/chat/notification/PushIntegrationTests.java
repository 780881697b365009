package com.sudamall.chat.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.PushReceiver;
import com.sudamall.chat.support.PushReceiver.Device;
import com.sudamall.chat.support.PushReceiver.Push;
import com.sudamall.chat.support.SocketClient;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Browser push from end to end: browsers subscribe over the API, a user away from the chat gets one encrypted push
 * per room on every browser, which the local push service checks (VAPID) and decrypts as the browser would; a
 * browser the push service calls gone loses its subscription, and a push service that fails for now gets the alert
 * again. The alert rules are the e-mail's, with a delay of two seconds.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PushIntegrationTests extends IntegrationTest {

    private static final PushReceiver pushService = new PushReceiver();

    @DynamicPropertySource
    static void push(DynamicPropertyRegistry registry) {
        registry.add("chat.push.allowed-hosts", () -> "127.0.0.1");
        registry.add("chat.push.require-https", () -> "false");
        registry.add("chat.push.max-per-user", () -> "2");
        registry.add("chat.alerts.delay", () -> "2s");
        registry.add("chat.alerts.scan-interval", () -> "300ms");
        registry.add("chat.alerts.lookback", () -> "1m");
        registry.add("chat.outbox.retry-base", () -> "300ms");
        registry.add("chat.outbox.retry-interval", () -> "200ms");
    }

    @AfterAll
    static void stop() {
        pushService.close();
    }

    @Test
    void aBrowserSubscribesWithTheServiceKeyAndCanUnsubscribe() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String key = alice.get("push/key/").expect(200).path("public_key").asString();
        assertThat(Base64.getUrlDecoder().decode(key)).hasSize(65).startsWith(4);
        assertThat(bob.get("push/key/").expect(200).path("public_key").asString())
                .isEqualTo(key);
        anonymous().get("push/key/").expectProblem(401, "unauthorized");

        Device laptop = pushService.device("laptop-" + alice.id);
        JsonNode created =
                alice.post("push/subscriptions/", laptop.subscription()).expect(201);
        assertThat(created.path("endpoint").asString()).isEqualTo(laptop.endpoint());
        assertThat(created.path("created_at").asString()).endsWith("Z");
        // the same browser again: the same subscription
        JsonNode again =
                alice.post("push/subscriptions/", laptop.subscription()).expect(200);
        assertThat(again.path("id").asString()).isEqualTo(created.path("id").asString());
        assertThat(alice.get("push/subscriptions/").expect(200)).hasSize(1);
        assertThat(bob.get("push/subscriptions/").expect(200)).isEmpty();

        // only its owner removes it
        String path = "push/subscriptions/" + created.path("id").asString() + "/";
        bob.delete(path).expectProblem(404, "not_found");
        alice.delete(path).expect(204);
        alice.delete(path).expectProblem(404, "not_found");
        assertThat(alice.get("push/subscriptions/").expect(200)).isEmpty();
    }

    @Test
    void aBrowserMovesToWhoeverSubscribesItAndAUserKeepsTheirNewestBrowsers() throws Exception {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        Device shared = pushService.device("shared-" + alice.id);
        alice.post("push/subscriptions/", shared.subscription()).expect(201);

        // the same browser signed in as Bob: his now, new to him
        JsonNode moved = bob.post("push/subscriptions/", shared.subscription()).expect(201);
        assertThat(moved.path("endpoint").asString()).isEqualTo(shared.endpoint());
        assertThat(alice.get("push/subscriptions/").expect(200)).isEmpty();

        // at most two each here: a third replaces the oldest, never the one just saved
        Thread.sleep(5);
        bob.post("push/subscriptions/", pushService.device("second-" + bob.id).subscription())
                .expect(201);
        Thread.sleep(5);
        Device third = pushService.device("third-" + bob.id);
        bob.post("push/subscriptions/", third.subscription()).expect(201);
        JsonNode kept = bob.get("push/subscriptions/").expect(200);
        assertThat(kept).hasSize(2);
        assertThat(kept.toString()).contains(third.endpoint()).doesNotContain(shared.endpoint());
    }

    @Test
    void anErasedUsersBrowsersAreForgotten() {
        ChatClient alice = login("alice");
        alice.post(
                        "push/subscriptions/",
                        pushService.device("erased-" + alice.id).subscription())
                .expect(201);
        assertThat(alice.get("push/subscriptions/").expect(200)).hasSize(1);

        platform().delete("/api/integration/users/" + alice.id).expect(204);

        assertThat(alice.get("push/subscriptions/").expect(200)).isEmpty();
    }

    @Test
    void aSubscriptionThatCouldNotBePushedToIsRefused() {
        ChatClient alice = login("alice");
        Map<String, Object> good = pushService.device("checks-" + alice.id).subscription();

        assertRefused(alice, with(good, "endpoint", "https://push.attacker.example/x"), "endpoint");
        assertRefused(alice, with(good, "endpoint", "http://169.254.169.254/latest/meta-data"), "endpoint");
        assertRefused(alice, with(good, "endpoint", "ftp://127.0.0.1/push"), "endpoint");
        assertRefused(alice, with(good, "endpoint", "http://user:secret@127.0.0.1/push"), "endpoint");
        assertRefused(alice, with(good, "endpoint", "not a url"), "endpoint");
        byte[] offCurve = new byte[65];
        offCurve[0] = 4;
        offCurve[64] = 1;
        assertRefused(alice, withKeys(good, "p256dh", b64(offCurve)), "keys.p256dh");
        assertRefused(alice, withKeys(good, "p256dh", b64(new byte[33])), "keys.p256dh");
        assertRefused(alice, withKeys(good, "auth", b64(new byte[8])), "keys.auth");
        assertRefused(alice, withKeys(good, "auth", "***"), "keys.auth");
        assertRefused(alice, Map.of("endpoint", good.get("endpoint")), "keys");
        assertThat(alice.get("push/subscriptions/").expect(200)).isEmpty();
    }

    @Test
    void aMissedMessageIsPushedEncryptedToEveryBrowserAndAGoneBrowserIsForgotten() throws Exception {
        ChatClient alice = login("alice");
        ChatClient away = login("away");
        ChatClient online = login("online");
        Device phone = pushService.device("phone-" + away.id);
        Device oldLaptop = pushService.device("old-laptop-" + away.id);
        Device onlineLaptop = pushService.device("laptop-" + online.id);
        away.post("push/subscriptions/", phone.subscription()).expect(201);
        away.post("push/subscriptions/", oldLaptop.subscription()).expect(201);
        online.post("push/subscriptions/", onlineLaptop.subscription()).expect(201);
        oldLaptop.gone();
        phone.fail(1);
        String room = roomId(privateRoom(alice, away));
        String onlineRoom = roomId(privateRoom(alice, online));

        try (SocketClient socket = userSocket(online).ready()) {
            send(alice, room, "Is the blue mug still available?");
            send(alice, room, "I'd take two.");
            send(alice, onlineRoom, "you are here");

            // the phone's push service fails the first time; the registry tries again
            List<Push> pushes = await().atMost(Duration.ofSeconds(20))
                    .until(() -> pushService.received(name(phone)), list -> list.size() >= 2);
            Push push = pushes.getLast();
            assertThat(push.problem()).isNull();
            JsonNode payload = push.json();
            assertThat(payload.path("type").asString()).isEqualTo("missed_messages");
            assertThat(payload.path("room_id").asString()).isEqualTo(room);
            assertThat(payload.path("unread").asLong()).isEqualTo(2);
            assertThat(payload.path("url").asString()).isEqualTo("/#room=" + room);
            assertThat(payload.path("body").asString())
                    .contains(alice.name + ": Is the blue mug still available?")
                    .contains(alice.name + ": I'd take two.");
            assertThat(payload.path("title").asString()).isNotBlank();
            assertThat(push.headers())
                    .containsEntry("content-encoding", "aes128gcm")
                    .containsEntry("topic", room.replace("-", ""))
                    .containsEntry("ttl", "86400");
            assertThat(push.vapid().getSubject()).isEqualTo("mailto:chat@sudamall.example");

            // the browser its push service calls gone is forgotten; the phone stays, with the time of its push
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> away.get("push/subscriptions/").expect(200).size() == 1);
            JsonNode left = away.get("push/subscriptions/").expect(200).get(0);
            assertThat(left.path("endpoint").asString()).isEqualTo(phone.endpoint());
            assertThat(left.path("last_pushed_at").asString()).endsWith("Z");

            // several scans later: nothing more for the phone, nothing for the user online
            Thread.sleep(2_000);
            assertThat(pushService.received(name(phone))).hasSize(pushes.size());
            assertThat(pushService.received(name(onlineLaptop))).isEmpty();
        }

        // once the socket closes, the message they have not read is pushed after all
        await().atMost(Duration.ofSeconds(20))
                .until(() -> pushService.received(name(onlineLaptop)).size() == 1);
        assertThat(pushService
                        .received(name(onlineLaptop))
                        .getFirst()
                        .json()
                        .path("body")
                        .asString())
                .contains("you are here");
    }

    private static String name(Device device) {
        return device.endpoint().substring(device.endpoint().lastIndexOf('/') + 1);
    }

    private static void assertRefused(ChatClient user, Map<String, Object> subscription, String field) {
        JsonNode problem = user.post("push/subscriptions/", subscription).expectProblem(400, "validation_failed");
        assertThat(problem.path("fields").has(field)).as(problem.toString()).isTrue();
    }

    private static Map<String, Object> with(Map<String, Object> subscription, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(subscription);
        changed.put(key, value);
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withKeys(Map<String, Object> subscription, String key, String value) {
        Map<String, Object> keys = new HashMap<>((Map<String, Object>) subscription.get("keys"));
        keys.put(key, value);
        return with(subscription, "keys", keys);
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
