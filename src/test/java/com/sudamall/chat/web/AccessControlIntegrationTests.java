package com.sudamall.chat.web;

import static com.sudamall.chat.support.SocketClient.messageWithContent;
import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.Reply;
import com.sudamall.chat.support.SocketClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A private room seen from outside: an outsider (any role but moderator), a participant who was removed and a creator
 * who left try every REST door and every frame type on the room, its messages, files, receipts and notifications.
 * Each gets exactly the refusal an id that never existed gets, so the room's existence does not leak; no answer
 * carries the room's secret; and the participants see the same room afterwards. FuzzIntegrationTests throws hostile
 * input at the same doors and only asks for some 4xx; this class asks for the exact answer to well-formed requests.
 */
class AccessControlIntegrationTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final byte[] PDF = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """.getBytes(StandardCharsets.ISO_8859_1);

    /** A room whose secret is in a text message and in a picture (caption and file name), read by {@code bob}. */
    private record Scene(
            ChatClient alice, ChatClient bob, String room, String message, String attachment, String secret) {}

    /** One request and the refusal it must get; {@code body} is JSON, a {@link Form}, or null for none. */
    private record Probe(
            String method, String path, @Nullable Object body, int status, String code) {}

    /** Multipart fields, sent with a PDF as {@code file}. */
    private record Form(Map<String, String> fields) {}

    /** The ids a sweep aims at: the room's real ones, or ones that never existed. */
    private record Target(String room, String message, String attachment, String user) {}

    @Test
    void anOutsiderGetsTheAnswerForAnUnknownIdAtEveryRestDoor() {
        Scene s = privateScene();
        ChatClient outsider = login("mallory", "customer", "store_owner", "store_staff");
        List<JsonNode> before = settledState(s);

        sweep(outsider, s);

        assertThat(state(s)).isEqualTo(before);
        assertThat(s.bob().download("attachments/" + s.attachment()).status()).isEqualTo(200);
    }

    @Test
    void anOutsidersListsCountsSearchAndNotificationsNeverShowTheRoom() {
        Scene s = privateScene();
        ChatClient outsider = login("mallory");
        JsonNode bobsUnread =
                s.bob().get("notifications/?unread=true").expect(200).path("results");
        List<String> ids =
                bobsUnread.valueStream().map(n -> n.path("id").asString()).toList();
        assertThat(ids).isNotEmpty();

        JsonNode marked =
                outsider.post("notifications/read/", Map.of("ids", ids)).expect(200);
        outsider.post("notifications/read/", Map.of("all", true)).expect(200);

        assertThat(marked.path("updated").asInt()).isZero();
        assertThat(s.bob().get("notifications/?unread=true").expect(200).path("results"))
                .isEqualTo(bobsUnread);
        for (Reply listing : List.of(
                outsider.get("rooms/"),
                outsider.get("unread/"),
                outsider.get("notifications/"),
                outsider.get("search/?q=" + s.secret()))) {
            assertThat(listing.expect(200).toString())
                    .as("%s", listing)
                    .doesNotContain(s.room())
                    .doesNotContain(s.secret());
        }
        // searching in the room itself: not found, as the room is everywhere else
        assertThat(outsider.get("search/?q=" + s.secret() + "&room_id=" + s.room())
                        .expectProblem(404, "not_found")
                        .toString())
                .doesNotContain(s.secret());
        assertThat(found(s.alice(), s.secret()).size())
                .as("the secret is searchable")
                .isPositive();
    }

    @Test
    void openingTheSameStoresRoomNeverHandsAnOutsiderTheCustomersRoom() {
        ChatClient customer = login("customer", "customer");
        ChatClient owner = login("owner", "store_owner");
        String store = createStore(owner);
        String room = roomId(customerStoreRoom(customer, store, owner.id));
        ChatClient outsider = login("mallory", "customer");

        // the caller is always the room's customer: naming someone else's customer only overfills the room
        outsider.post(
                        "rooms/",
                        Map.of("participants", List.of(customer.id), "room_type", "customer_store", "store", store))
                .expectProblem(400, "room_full");
        JsonNode own = outsider.post("rooms/", Map.of("room_type", "customer_store", "store", store))
                .expect(201);

        assertThat(roomId(own)).isNotEqualTo(room);
        assertThat(own.path("participants").toString()).doesNotContain(customer.id);
    }

    @Test
    void idsFromAnotherRoomAreUnknownInMineAndMoveNoReceipts() {
        Scene s = privateScene();
        ChatClient outsider = login("mallory");
        ChatClient carol = login("carol");
        String ownRoom = roomId(privateRoom(outsider, carol));
        String own = "rooms/" + ownRoom + "/";
        String mine = send(carol, ownRoom, "in my room").path("id").asString();
        String unsent = s.bob()
                .upload("attachments/", Map.of("room_id", s.room()), "draft.pdf", PDF)
                .expect(201)
                .path("id")
                .asString();
        String theirs = s.message();
        List<JsonNode> before = settledState(s);

        answersAsIfUnknown(
                theirs,
                id -> outsider.patch(own + "messages/" + id + "/", Map.of("content", "mine")),
                404,
                "not_found");
        answersAsIfUnknown(theirs, id -> outsider.delete(own + "messages/" + id + "/"), 404, "not_found");
        answersAsIfUnknown(theirs, id -> outsider.get(own + "messages/" + id + "/read_by/"), 404, "not_found");
        answersAsIfUnknown(theirs, id -> outsider.post(own + "read/", Map.of("up_to", id)), 400, "validation_failed");
        answersAsIfUnknown(
                theirs,
                id -> outsider.post(own + "send_message/", Map.of("content", "re", "reply_to", id)),
                400,
                "validation_failed");
        for (String file : List.of(s.attachment(), unsent)) {
            answersAsIfUnknown(
                    file,
                    id -> outsider.post(own + "send_message/", Map.of("attachment", id)),
                    400,
                    "validation_failed");
        }
        answersAsIfUnknown(unsent, id -> outsider.get("attachments/" + id), 404, "not_found");
        answersAsIfUnknown(
                mine,
                id -> s.bob().post("rooms/" + s.room() + "/read/", Map.of("up_to", id)),
                400,
                "validation_failed");
        try (SocketClient socket = userSocket(outsider).ready();
                SocketClient ownSocket = roomSocket(outsider, ownRoom).ready()) {
            assertThat(refused(socket, Map.of("type", "read", "room_id", ownRoom, "up_to", theirs))
                            .path("code")
                            .asString())
                    .isEqualTo("validation_failed");
            assertThat(refused(ownSocket, Map.of("type", "read", "up_to", theirs))
                            .path("code")
                            .asString())
                    .isEqualTo("validation_failed");
        }

        assertThat(state(s)).isEqualTo(before);
        assertThat(outsider.get("unread/")
                        .expect(200)
                        .path("rooms")
                        .path(ownRoom)
                        .asInt())
                .isEqualTo(1);
        assertThat(carol.get(own + "messages/" + mine + "/read_by/").expect(200).size())
                .isZero();
    }

    @Test
    void roomSocketsToAForeignRoomCloseWith4403AndReplayNothing() {
        Scene s = privateScene();
        ChatClient outsider = login("mallory");
        String path = "/ws/chat/" + s.room() + "/?after_seq=0";
        String ticket =
                outsider.post("ws-ticket/", Map.of()).expect(200).path("ticket").asString();
        String cookie = outsider.post("socket-cookie/", Map.of())
                .headers()
                .firstValue("Set-Cookie")
                .orElseThrow();

        List<SocketClient> attempts = List.of(
                SocketClient.connect(port, path + "&token=" + outsider.token()),
                SocketClient.connect(port, path + "&ticket=" + ticket),
                SocketClient.connect(port, path, Map.of("Cookie", cookie.substring(0, cookie.indexOf(';')))));

        for (SocketClient socket : attempts) {
            assertThat(socket.awaitClose()).isEqualTo(4403);
            assertThat(socket.frames()).noneMatch(mentions(s.secret()));
        }
    }

    /** As a REST path id that is not a UUID is a 404. */
    @Test
    void aRoomSocketPathThatIsNoRoomIdClosesWith4403() {
        ChatClient user = login("user");

        assertThat(SocketClient.connect(port, "/ws/chat/not-a-uuid/?token=" + user.token())
                        .awaitClose())
                .isEqualTo(4403);
    }

    @Test
    void framesNamingAForeignRoomGetNotFoundAndReachNobody() {
        Scene s = privateScene();
        ChatClient outsider = login("mallory");
        String ownRoom = roomId(privateRoom(outsider, login("carol")));
        List<JsonNode> before = settledState(s);
        try (SocketClient bobSocket = roomSocket(s.bob(), s.room()).ready();
                SocketClient aliceSocket = userSocket(s.alice()).ready();
                SocketClient socket = userSocket(outsider).ready();
                SocketClient ownSocket = roomSocket(outsider, ownRoom).ready()) {
            int bobMark = bobSocket.mark();
            int aliceMark = aliceSocket.mark();
            for (Map<String, Object> frame : List.of(
                    Map.<String, Object>of(
                            "type", "text", "room_id", s.room(), "content", "let me in", "client_msg_id", "c-in"),
                    Map.<String, Object>of("type", "typing", "room_id", s.room(), "is_typing", true),
                    Map.<String, Object>of("type", "read", "room_id", s.room(), "up_to", s.message()),
                    Map.<String, Object>of("type", "resume", "room_id", s.room(), "after_seq", 0))) {
                Map<String, Object> unknown = new HashMap<>(frame);
                unknown.put("room_id", UUID.randomUUID().toString());
                JsonNode error = refused(socket, frame);
                assertThat(error.path("code").asString()).as("%s", frame).isEqualTo("not_found");
                assertThat(error.path("message"))
                        .as("%s", frame)
                        .isEqualTo(refused(socket, unknown).path("message"));
            }
            // a room socket's frames are about its own room, whatever room_id they name
            ownSocket.send(
                    Map.of("type", "text", "room_id", s.room(), "content", "stays home", "client_msg_id", "c-home"));
            assertThat(ownSocket.await(type("ack")).path("room_id").asString()).isEqualTo(ownRoom);
            assertThat(state(s)).isEqualTo(before);

            // the refused resume must not have put the outsider's socket on the room
            send(s.alice(), s.room(), "after the probes");
            bobSocket.await(bobMark, messageWithContent("after the probes"));
            aliceSocket.await(aliceMark, messageWithContent("after the probes"));
            socket.assertNone(messageWithContent("after the probes"), Duration.ofMillis(500));
            assertThat(since(bobSocket, bobMark)).noneMatch(mentions(outsider.id));
            assertThat(since(aliceSocket, aliceMark)).noneMatch(mentions(outsider.id));
            assertThat(socket.frames()).noneMatch(mentions(s.secret())).noneMatch(mentions("after the probes"));
        }
    }

    @Test
    void notificationsOfAForeignRoomNeverReachAnOutsidersSocket() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient outsider = login("mallory");
        // they share a room, so alice's presence may reach the outsider: her other rooms may not
        privateRoom(alice, outsider);
        try (SocketClient socket = userSocket(outsider).ready();
                SocketClient bobSocket = userSocket(bob).ready()) {
            int mark = socket.mark();
            Scene s = scene(roomId(privateRoom(alice, bob)), alice, bob);

            bobSocket.await(f -> type("notification").test(f)
                    && "file_shared"
                            .equals(f.path("notification")
                                    .path("notification_type")
                                    .asString())
                    && s.room().equals(f.path("notification").path("room_id").asString()));
            socket.assertNone(mentions(s.room()), Duration.ofMillis(500));
            assertThat(since(socket, mark)).noneMatch(mentions(s.room())).noneMatch(mentions(s.secret()));
        }
    }

    @Test
    void aRemovedParticipantLosesEveryDoorAndHearsNothingMore() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        ChatClient carol = login("carol");
        Scene s = scene(roomId(groupRoom(alice, bob, carol)), alice, bob);
        assertThat(carol.download("attachments/" + s.attachment()).status()).isEqualTo(200);
        String later = "now that carol is gone: " + secretWord();
        try (SocketClient carolRoom = roomSocket(carol, s.room()).ready();
                SocketClient carolSocket = userSocket(carol).ready();
                SocketClient bobSocket = userSocket(bob).ready()) {
            alice.delete("rooms/" + s.room() + "/participants/" + carol.id + "/")
                    .expect(204);
            // closed only after her other sockets left the room: from here on nothing of it may reach her
            assertThat(carolRoom.awaitClose()).isEqualTo(4403);
            int mark = carolSocket.mark();

            send(alice, s.room(), later);

            bobSocket.await(messageWithContent(later));
            carolSocket.assertNone(mentions(s.room()), Duration.ofMillis(500));
            assertThat(since(carolSocket, mark)).noneMatch(mentions(s.room()));
            assertThat(refused(carolSocket, Map.of("type", "resume", "room_id", s.room(), "after_seq", 0))
                            .path("code")
                            .asString())
                    .isEqualTo("not_found");
        }
        List<JsonNode> before = settledState(s);

        sweep(carol, s);

        assertThat(state(s)).isEqualTo(before);
        assertThat(roomSocket(carol, s.room()).awaitClose()).isEqualTo(4403);
        assertThat(found(carol, s.secret()).size()).isZero();
        assertThat(carol.get("notifications/").expect(200).toString()).doesNotContain(later);
        assertThat(carol.get("unread/").expect(200).path("rooms").has(s.room())).isFalse();
    }

    @Test
    void aCreatorWhoLeftCanNeitherReadNorManageNorRejoin() {
        ChatClient creator = login("creator");
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        Scene s = scene(roomId(groupRoom(creator, alice, bob)), alice, bob);
        String own = send(creator, s.room(), "my last words").path("id").asString();
        creator.delete("rooms/" + s.room() + "/participants/" + creator.id + "/")
                .expect(204);
        List<JsonNode> before = settledState(s);

        sweep(creator, s);
        creator.patch("rooms/" + s.room() + "/messages/" + own + "/", Map.of("content", "rewritten"))
                .expectProblem(404, "not_found");
        creator.delete("rooms/" + s.room() + "/messages/" + own + "/").expectProblem(404, "not_found");

        assertThat(state(s)).isEqualTo(before);
        assertThat(roomSocket(creator, s.room()).awaitClose()).isEqualTo(4403);
        assertThat(creator.get("rooms/").expect(200).toString()).doesNotContain(s.room());
        assertThat(found(creator, s.secret()).size()).isZero();
    }

    /**
     * Every REST door, once with the room's real ids and once with ids that never existed. Failures are collected, so
     * one run names every door that answers differently.
     */
    private void sweep(ChatClient caller, Scene s) {
        String store = createStore(login("merchant"));
        String product = createProduct(store, "Blue Ceramic Mug");
        String order = createOrder(store, caller, freshId("ORD"));
        Target nowhere = new Target(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                freshId("nobody"));
        List<Probe> real =
                probes(caller, new Target(s.room(), s.message(), s.attachment(), s.alice().id), product, order);
        List<Probe> unknown = probes(caller, nowhere, product, order);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            try {
                refusedAlike(caller, real.get(i), unknown.get(i), s.secret());
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
    }

    private static List<Probe> probes(ChatClient caller, Target t, String product, String order) {
        String room = "rooms/" + t.room() + "/";
        String message = room + "messages/" + t.message() + "/";
        String file = "attachments/" + t.attachment();
        String decide = "moderation/messages/" + t.message() + "/";
        String platform = "/api/integration/";
        return List.of(
                hidden("GET", room, null),
                hidden("PATCH", room, Map.of("name", "Mine now", "allow_file_sharing", false, "moderator", caller.id)),
                hidden("POST", room + "mute/", Map.of()),
                hidden("DELETE", room + "mute/", null),
                hidden("POST", room + "participants/", Map.of("user", caller.id)),
                hidden("DELETE", room + "participants/" + t.user() + "/", null),
                hidden("DELETE", room + "participants/" + caller.id + "/", null),
                hidden("GET", room + "messages/", null),
                hidden("GET", room + "messages/?after_seq=0&limit=100&mark_read=false", null),
                hidden("POST", room + "send_message/", Map.of("content", "let me in", "reply_to", t.message())),
                hidden("POST", room + "send_message/", new Form(Map.of("content", "a file for you"))),
                hidden("PATCH", message, Map.of("content", "edited by a stranger")),
                hidden("DELETE", message, null),
                hidden("GET", message + "read_by/", null),
                hidden("POST", room + "read/", Map.of("up_to", t.message())),
                hidden("POST", room + "share_product/", Map.of("product", product)),
                hidden("POST", room + "share_order/", Map.of("order", order)),
                hidden("POST", "messages/" + t.message() + "/flag/", Map.of("reason", "spam")),
                hidden("GET", file, null),
                hidden("GET", file + "/thumbnail", null),
                hidden("POST", "attachments/", new Form(Map.of("room_id", t.room()))),
                moderatorsOnly("POST", decide + "approve/", Map.of("reason", "fine")),
                moderatorsOnly("POST", decide + "reject/", Map.of("reason", "rude")),
                moderatorsOnly("POST", decide + "delete/", Map.of("reason", "rude")),
                moderatorsOnly("POST", "moderation/users/" + t.user() + "/mute/", Map.of("duration_minutes", 60)),
                moderatorsOnly("DELETE", "moderation/users/" + t.user() + "/mute/", null),
                moderatorsOnly("GET", "moderation/flags/?status=open", null),
                moderatorsOnly("GET", "moderation/audit/", null),
                platformOnly("POST", platform + "rooms/" + t.room() + "/system_message/", Map.of("content", "Hi")),
                platformOnly("PUT", platform + "rooms/" + t.room() + "/legal_hold/", Map.of("legal_hold", false)),
                platformOnly("GET", platform + "users/" + t.user() + "/export", null),
                platformOnly("DELETE", platform + "users/" + t.user(), null));
    }

    /** A room one is not in, and all that is in it, is as unknown as what does not exist. */
    private static Probe hidden(String method, String path, @Nullable Object body) {
        return new Probe(method, path, body, 404, "not_found");
    }

    private static Probe moderatorsOnly(String method, String path, @Nullable Object body) {
        return new Probe(method, path, body, 403, "forbidden");
    }

    /** A user's token is no service key. */
    private static Probe platformOnly(String method, String path, @Nullable Object body) {
        return new Probe(method, path, body, 401, "unauthorized");
    }

    /** Refused as it must be, word for word as its twin naming ids that never existed, and telling no secret. */
    private static void refusedAlike(ChatClient caller, Probe probe, Probe twin, String secret) {
        Reply reply = call(caller, probe);
        JsonNode problem = reply.expectProblem(probe.status(), probe.code());
        assertThat(reply.body()).as("%s", reply).doesNotContain(secret);
        assertThat(reply.headers().map().values())
                .as("headers of %s", reply)
                .noneMatch(values -> values.toString().contains(secret));
        Reply unknown = call(caller, twin);
        assertThat(problem.path("detail"))
                .as("%s answers as %s", reply, unknown)
                .isEqualTo(unknown.expectProblem(probe.status(), probe.code()).path("detail"));
    }

    private static Reply call(ChatClient caller, Probe probe) {
        return switch (probe.body()) {
            case null -> caller.send(probe.method(), probe.path(), null, null);
            case Form form -> caller.upload(probe.path(), form.fields(), "notes.pdf", PDF);
            case Object json ->
                caller.send(probe.method(), probe.path(), "application/json", JSON.writeValueAsString(json));
        };
    }

    /** The request naming {@code id} is answered word for word as when it names an id that never existed. */
    private static void answersAsIfUnknown(String id, Function<String, Reply> request, int status, String code) {
        Reply real = request.apply(id);
        Reply unknown = request.apply(UUID.randomUUID().toString());
        JsonNode problem = real.expectProblem(status, code);
        JsonNode twin = unknown.expectProblem(status, code);
        assertThat(problem.path("detail")).as("%s answers as %s", real, unknown).isEqualTo(twin.path("detail"));
        assertThat(problem.path("fields")).as("%s answers as %s", real, unknown).isEqualTo(twin.path("fields"));
    }

    private Scene privateScene() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        return scene(roomId(privateRoom(alice, bob)), alice, bob);
    }

    private Scene scene(String room, ChatClient alice, ChatClient bob) {
        String secret = secretWord();
        String attachment = alice.upload("attachments/", Map.of("room_id", room), secret + ".png", png())
                .expect(201)
                .path("id")
                .asString();
        alice.post(
                        "rooms/" + room + "/send_message/",
                        Map.of("attachment", attachment, "content", "a photo of " + secret))
                .expect(201);
        String message =
                send(alice, room, "the vault opens with " + secret).path("id").asString();
        bob.post("rooms/" + room + "/read/", Map.of("up_to", message)).expect(200);
        // the thumbnail exists, so a 404 for it means something
        assertThat(bob.download("attachments/" + attachment + "/thumbnail").status())
                .isEqualTo(200);
        return new Scene(alice, bob, room, message, attachment, secret);
    }

    /**
     * The state once looking at it has changed nothing more: reading a history page is a delivery to the reader,
     * which their delivery cursor records at the next flush (once a second), and a second look changes nothing.
     */
    private static List<JsonNode> settledState(Scene s) {
        state(s);
        Awaitility.await()
                .pollDelay(Duration.ofMillis(1_500))
                .atMost(Duration.ofSeconds(3))
                .until(() -> true);
        return state(s);
    }

    /** What the room's participants see of it: whatever an outsider changed would show up here. */
    private static List<JsonNode> state(Scene s) {
        String room = "rooms/" + s.room() + "/";
        List<JsonNode> state = new ArrayList<>();
        for (ChatClient viewer : List.of(s.alice(), s.bob())) {
            state.add(viewer.get(room).expect(200));
            state.add(viewer.get(room + "messages/?mark_read=false").expect(200));
            state.add(viewer.get(room + "messages/" + s.message() + "/read_by/").expect(200));
            state.add(viewer.get("unread/").expect(200));
            state.add(viewer.get("notifications/").expect(200));
            state.add(found(viewer, s.secret()));
        }
        return state;
    }

    private static JsonNode found(ChatClient user, String word) {
        return user.get("search/?q=" + word).expect(200).path("results");
    }

    private static JsonNode refused(SocketClient socket, Map<String, ?> frame) {
        int mark = socket.mark();
        socket.send(frame);
        return socket.await(mark, type("error"));
    }

    private static List<JsonNode> since(SocketClient socket, int mark) {
        List<JsonNode> frames = socket.frames();
        return frames.subList(mark, frames.size());
    }

    private static Predicate<JsonNode> mentions(String text) {
        return frame -> frame.toString().contains(text);
    }

    /**
     * A word no other test writes, for search to find. Letters only: a run of digits could pass for a phone number
     * with the content filter, and be masked.
     */
    private static String secretWord() {
        StringBuilder word = new StringBuilder("vault");
        freshId("s")
                .chars()
                .filter(Character::isLetterOrDigit)
                .forEach(c -> word.append((char) ('a' + Character.digit(c, 36) % 26)));
        return word.toString();
    }

    /** Big enough to get a thumbnail. */
    private static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
