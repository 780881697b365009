package com.sudamall.chat.attachment;

import static com.sudamall.chat.support.SocketClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.ChatClient.Download;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Files end to end through REST and sockets, the same for every storage: each storage's test class runs all of
 * these against it, and says what objects it holds.
 */
@TestPropertySource(properties = {"chat.files.orphan-age=4s", "chat.files.sweep-interval=1s"})
// closed after its class: a cached context's sweeper would go on removing rows of the next storage's tests (they
// share the database) from its own storage, as a node configured with the wrong storage would
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class AttachmentContract extends IntegrationTest {

    /** The keys of every object in the storage under test. */
    protected abstract Set<String> storedObjects() throws Exception;

    private record Pair(ChatClient alice, ChatClient bob, String roomId) {}

    private Pair pair() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        return new Pair(alice, bob, roomId(privateRoom(alice, bob)));
    }

    private static JsonNode upload(ChatClient user, String roomId, String name, byte[] bytes) {
        return user.upload("attachments/", Map.of("room_id", roomId), name, bytes)
                .expect(201);
    }

    private static JsonNode sendFile(ChatClient user, String roomId, String attachmentId, String caption) {
        return user.post("rooms/" + roomId + "/send_message/", Map.of("attachment", attachmentId, "content", caption))
                .expect(201);
    }

    @Test
    void aPictureIsStoredThumbnailedAndShownLiveToTheOtherParticipant() {
        Pair p = pair();
        try (SocketClient bobSocket = roomSocket(p.bob(), p.roomId())) {
            bobSocket.await(type("user_joined"));
            JsonNode attachment = upload(p.alice(), p.roomId(), "beach.png", TestFiles.png(800, 600));
            assertThat(attachment.path("file_type").asString()).isEqualTo("image/png");
            assertThat(attachment.path("file_name").asString()).isEqualTo("beach.png");
            assertThat(attachment.path("width").asInt()).isEqualTo(800);
            assertThat(attachment.path("height").asInt()).isEqualTo(600);
            String id = attachment.path("id").asString();
            assertThat(attachment.path("url").asString()).isEqualTo("/api/chat/attachments/" + id);
            assertThat(attachment.path("thumbnail_url").asString())
                    .isEqualTo("/api/chat/attachments/" + id + "/thumbnail");

            JsonNode message = sendFile(p.alice(), p.roomId(), id, "the view from the shop");
            assertThat(message.path("message_type").asString()).isEqualTo("image");
            assertThat(message.path("content").asString()).isEqualTo("the view from the shop");
            assertThat(message.path("attachment")).isEqualTo(attachment);

            JsonNode live = bobSocket.await(
                    f -> type("message").test(f) && f.path("message").path("id").equals(message.path("id")));
            assertThat(live.path("message").path("attachment")).isEqualTo(attachment);
        }
        JsonNode history = p.bob().get("rooms/" + p.roomId() + "/messages/").expect(200);
        assertThat(history.path("messages").get(0).path("attachment").path("id").asString())
                .isNotEmpty();

        String url =
                history.path("messages").get(0).path("attachment").path("url").asString();
        Download image = p.bob().download(url);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("content-type")).isEqualTo("image/png");
        assertThat(image.header("content-disposition")).startsWith("inline");
        assertThat(image.header("content-length")).isEqualTo(Integer.toString(image.body().length));
        BufferedImage decoded = TestFiles.read(image.body());
        assertThat(decoded.getWidth()).isEqualTo(800);
        assertThat(decoded.getHeight()).isEqualTo(600);

        Download thumbnail = p.bob().download(url + "/thumbnail");
        assertThat(thumbnail.status()).isEqualTo(200);
        BufferedImage small = TestFiles.read(thumbnail.body());
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);
    }

    @Test
    void aPhotoReachesTheOtherPartyWithoutItsExifGpsPosition() throws Exception {
        Pair p = pair();
        byte[] photo = TestFiles.jpegWithGps(1200, 900);
        assertThat(TestFiles.contains(photo, TestFiles.GPS_LATITUDE)).isTrue();
        assertThat(TestFiles.read(photo).getWidth()).isEqualTo(1200);

        JsonNode attachment = upload(p.alice(), p.roomId(), "IMG_0042.JPG", photo);
        assertThat(attachment.path("file_type").asString()).isEqualTo("image/jpeg");
        sendFile(p.alice(), p.roomId(), attachment.path("id").asString(), "");

        for (String path : List.of(
                attachment.path("url").asString(),
                attachment.path("thumbnail_url").asString())) {
            byte[] served = p.bob().download(path).body();
            assertThat(TestFiles.contains(served, TestFiles.GPS_LATITUDE))
                    .as(path)
                    .isFalse();
            assertThat(TestFiles.contains(served, "Exif".getBytes(StandardCharsets.ISO_8859_1)))
                    .as(path)
                    .isFalse();
            assertThat(TestFiles.read(served).getWidth()).isPositive();
        }
        byte[] served = p.bob().download(attachment.path("url").asString()).body();
        assertThat(TestFiles.read(served).getWidth()).isEqualTo(1200);
        assertThat(attachment.path("file_size").asLong()).isEqualTo(served.length);
    }

    @Test
    void aPdfIsAFileThatIsSavedNeverRendered() throws Exception {
        Pair p = pair();
        JsonNode attachment = upload(p.alice(), p.roomId(), "invoice 1042.pdf", TestFiles.pdf());
        assertThat(attachment.path("file_type").asString()).isEqualTo("application/pdf");
        assertThat(attachment.path("thumbnail_url").isNull()).isTrue();
        assertThat(attachment.path("width").isNull()).isTrue();
        JsonNode message = sendFile(p.alice(), p.roomId(), attachment.path("id").asString(), "your invoice");
        assertThat(message.path("message_type").asString()).isEqualTo("file");

        Download pdf = p.bob().download(attachment.path("url").asString());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(TestFiles.pdf());
        assertThat(pdf.header("content-type")).isEqualTo("application/pdf");
        assertThat(pdf.header("content-disposition"))
                .startsWith("attachment")
                .contains("filename=\"invoice 1042.pdf\"");
        assertThat(pdf.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(pdf.header("content-security-policy")).contains("sandbox").contains("default-src 'none'");
        assertThat(pdf.header("etag")).isEqualTo("\"" + sha256(TestFiles.pdf()) + "\"");
        assertThat(pdf.header("cache-control")).contains("private");
        assertThat(p.bob()
                        .download(attachment.path("url").asString() + "/thumbnail")
                        .status())
                .isEqualTo(404);

        JsonNode notifications = p.bob().get("notifications/?unread=true").expect(200);
        assertThat(notifications.toString()).contains("file_shared").contains("invoice 1042.pdf");
    }

    @Test
    void aWordDocumentIsRecognisedByWhatIsInsideTheZip() {
        Pair p = pair();
        JsonNode docx = upload(p.alice(), p.roomId(), "contract.docx", TestFiles.docx());
        assertThat(docx.path("file_type").asString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        // a Word document is one whatever its name says, and a plain zip is not one whatever its name says
        assertThat(upload(p.alice(), p.roomId(), "contract.zip", TestFiles.docx())
                        .path("file_name")
                        .asString())
                .isEqualTo("contract.docx");
        p.alice()
                .upload("attachments/", Map.of("room_id", p.roomId()), "contract.docx", plainZip())
                .expectProblem(415, "file_type_not_allowed");
    }

    private static byte[] plainZip() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("payload.bin"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void whatTheBytesAreDecidesNotTheName() throws Exception {
        Pair p = pair();
        Set<String> before = storedObjects();
        p.alice()
                .upload("attachments/", Map.of("room_id", p.roomId()), "cute-cat.png", TestFiles.windowsExecutable())
                .expectProblem(415, "file_type_not_allowed");
        p.alice()
                .upload("attachments/", Map.of("room_id", p.roomId()), "report.pdf", "just text".getBytes())
                .expectProblem(415, "file_type_not_allowed");
        p.alice()
                .upload("attachments/", Map.of("room_id", p.roomId()), "noise.pdf", new byte[] {7, 1, 9, 3, 0, 2})
                .expectProblem(415, "file_type_not_allowed");
        p.alice()
                .upload("attachments/", Map.of("room_id", p.roomId()), "broken.png", TestFiles.corruptPng())
                .expectProblem(400, "invalid_image");
        p.alice()
                .upload("attachments/", Map.of("room_id", p.roomId()), "bomb.png", TestFiles.pngBomb(60_000, 60_000))
                .expectProblem(413, "file_too_large");
        p.alice()
                .upload("attachments/", Map.of("room_id", p.roomId()), "empty.png", new byte[0])
                .expectProblem(400, "validation_failed");
        // a PDF named .png is a PDF, and is named like one
        JsonNode pdf = upload(p.alice(), p.roomId(), "scan.png", TestFiles.pdf());
        assertThat(pdf.path("file_type").asString()).isEqualTo("application/pdf");
        assertThat(pdf.path("file_name").asString()).isEqualTo("scan.pdf");
        // nothing refused was stored
        Set<String> added = new HashSet<>(storedObjects());
        added.removeAll(before);
        assertThat(added).hasSize(1);
    }

    @Test
    void fileNamesAreCleanedOfPathsAndInvisibleCharacters() {
        Pair p = pair();
        assertThat(upload(p.alice(), p.roomId(), "../../etc/passwd.pdf", TestFiles.pdf())
                        .path("file_name")
                        .asString())
                .isEqualTo("passwd.pdf");
        assertThat(upload(p.alice(), p.roomId(), "C:\\Users\\me\\quote.pdf", TestFiles.pdf())
                        .path("file_name")
                        .asString())
                .isEqualTo("quote.pdf");
        // U+202E would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"
        assertThat(upload(p.alice(), p.roomId(), "invoice\u202Efdp.\u0007pdf", TestFiles.pdf())
                        .path("file_name")
                        .asString())
                .isEqualTo("invoicefdp.pdf");
        assertThat(upload(p.alice(), p.roomId(), "...", TestFiles.pdf())
                        .path("file_name")
                        .asString())
                .isEqualTo("file.pdf");
        assertThat(upload(p.alice(), p.roomId(), "Reçu Nº 7 — été.pdf", TestFiles.pdf())
                        .path("file_name")
                        .asString())
                .isEqualTo("Reçu Nº 7 — été.pdf");
    }

    @Test
    void anUploadIsRefusedOnceItPassesTheLimitNotBufferedToItsEnd() throws Exception {
        Pair p = pair();
        long twoGigabytes = 2L * 1024 * 1024 * 1024;
        AtomicLong pulled = new AtomicLong();
        String boundary = "----chat-test-huge";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"room_id\"\r\n\r\n" + p.roomId()
                        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"huge.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n")
                .getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                long at = pulled.get();
                if (at >= twoGigabytes) {
                    return -1;
                }
                int n = (int) Math.min(length, twoGigabytes - at);
                for (int i = 0; i < n; i++) {
                    long position = at + i;
                    buffer[offset + i] = position < head.length ? head[(int) position] : (byte) 'x';
                }
                pulled.addAndGet(n);
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat/attachments/"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + p.alice().token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless))
                .build();
        int status;
        try (HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            status = -1; // the server closed the connection on the rest of the body: also a refusal
        }
        assertThat(status).isIn(413, -1);
        // it read up to the limit, and stopped not far past it
        assertThat(pulled.get()).as("bytes the server let in").isBetween(10L * 1024 * 1024, 64L * 1024 * 1024);

        // an upload just over the limit with its length declared is answered with the problem
        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestFiles.pdf(), 0, tooBig, 0, TestFiles.pdf().length);
        p.alice()
                .upload("attachments/", Map.of("room_id", p.roomId()), "big.pdf", tooBig)
                .expectProblem(413, "file_too_large");
        // and the service is fine
        upload(p.alice(), p.roomId(), "small.pdf", TestFiles.pdf());
    }

    @Test
    void onlyTheRoomsParticipantsGetTheFile() {
        Pair p = pair();
        ChatClient mallory = login("mallory");
        JsonNode attachment = upload(p.alice(), p.roomId(), "photo.png", TestFiles.png(100, 80));
        String url = attachment.path("url").asString();
        // not sent yet: its uploader only
        assertThat(p.alice().download(url).status()).isEqualTo(200);
        assertThat(p.bob().download(url).status()).isEqualTo(404);
        sendFile(p.alice(), p.roomId(), attachment.path("id").asString(), "");
        assertThat(p.bob().download(url).status()).isEqualTo(200);

        assertThat(mallory.download(url).status()).isEqualTo(404);
        assertThat(mallory.download(url + "/thumbnail").status()).isEqualTo(404);
        assertThat(anonymous().download(url).status()).isEqualTo(401);
        assertThat(mallory.download("attachments/not-a-uuid").status()).isEqualTo(404);
        // nor can an outsider upload to the room, or send someone else's upload
        mallory.upload("attachments/", Map.of("room_id", p.roomId()), "x.pdf", TestFiles.pdf())
                .expectProblem(404, "not_found");
        JsonNode bobs = upload(p.bob(), p.roomId(), "bob.pdf", TestFiles.pdf());
        p.alice()
                .post(
                        "rooms/" + p.roomId() + "/send_message/",
                        Map.of("attachment", bobs.path("id").asString()))
                .expectProblem(400, "validation_failed");
        // nor send one upload twice
        p.alice()
                .post(
                        "rooms/" + p.roomId() + "/send_message/",
                        Map.of("attachment", attachment.path("id").asString()))
                .expectProblem(400, "validation_failed");
    }

    @Test
    void aRoomWithoutFileSharingRefusesFiles() {
        Pair p = pair();
        JsonNode early = upload(p.alice(), p.roomId(), "early.pdf", TestFiles.pdf());
        p.alice()
                .patch("rooms/" + p.roomId() + "/", Map.of("allow_file_sharing", false))
                .expect(200);
        p.alice()
                .upload("attachments/", Map.of("room_id", p.roomId()), "x.pdf", TestFiles.pdf())
                .expectProblem(403, "file_sharing_disabled");
        p.alice()
                .post(
                        "rooms/" + p.roomId() + "/send_message/",
                        Map.of("attachment", early.path("id").asString()))
                .expectProblem(403, "file_sharing_disabled");
        p.alice()
                .upload("rooms/" + p.roomId() + "/send_message/", Map.of(), "x.pdf", TestFiles.pdf())
                .expectProblem(403, "file_sharing_disabled");
    }

    @Test
    void downloadsHonourRangesAndValidators() throws Exception {
        Pair p = pair();
        byte[] pdf = TestFiles.pdf();
        JsonNode attachment = upload(p.alice(), p.roomId(), "doc.pdf", pdf);
        sendFile(p.alice(), p.roomId(), attachment.path("id").asString(), "");
        String url = attachment.path("url").asString();

        Download first = p.bob().download(url, "Range", "bytes=0-7");
        assertThat(first.status()).isEqualTo(206);
        assertThat(first.body()).isEqualTo(java.util.Arrays.copyOfRange(pdf, 0, 8));
        assertThat(first.header("content-range")).isEqualTo("bytes 0-7/" + pdf.length);

        Download tail = p.bob().download(url, "Range", "bytes=-6");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(pdf, pdf.length - 6, pdf.length));

        Download beyond = p.bob().download(url, "Range", "bytes=" + pdf.length + "-");
        assertThat(beyond.status()).isEqualTo(416);
        assertThat(beyond.header("content-range")).isEqualTo("bytes */" + pdf.length);

        String etag = p.bob().download(url).header("etag");
        assertThat(p.bob().download(url, "If-None-Match", etag).status()).isEqualTo(304);
        // a stale If-Range gets the whole file
        Download stale = p.bob().download(url, "Range", "bytes=0-7", "If-Range", "\"other\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(pdf);
    }

    @Test
    void aFileCanBeSentInOneMultipartSendMessage() {
        Pair p = pair();
        String path = "rooms/" + p.roomId() + "/send_message/";
        JsonNode message = p.alice()
                .upload(
                        path,
                        Map.of("content", "the label", "client_msg_id", "file-1"),
                        "label.png",
                        TestFiles.png(64, 64))
                .expect(201);
        assertThat(message.path("message_type").asString()).isEqualTo("image");
        assertThat(message.path("attachment").path("width").asInt()).isEqualTo(64);
        assertThat(message.path("client_msg_id").asString()).isEqualTo("file-1");
        assertThat(p.bob()
                        .download(message.path("attachment").path("url").asString())
                        .status())
                .isEqualTo(200);
        // a retry is the same message, not a second one
        JsonNode again = p.alice()
                .upload(
                        path,
                        Map.of("content", "the label", "client_msg_id", "file-1"),
                        "label.png",
                        TestFiles.png(64, 64))
                .expect(200);
        assertThat(again.path("id")).isEqualTo(message.path("id"));
        assertThat(p.bob()
                        .get("rooms/" + p.roomId() + "/messages/")
                        .expect(200)
                        .path("messages")
                        .size())
                .isEqualTo(1);
        p.alice().upload(path, Map.of("content", "no file"), null, new byte[0]).expectProblem(400, "validation_failed");
    }

    @Test
    void aDeletedMessagesFileIsNoLongerServedAndLeavesStorage() throws Exception {
        Pair p = pair();
        Set<String> before = storedObjects();
        JsonNode attachment = upload(p.alice(), p.roomId(), "menu.png", TestFiles.png(300, 300));
        JsonNode message = sendFile(p.alice(), p.roomId(), attachment.path("id").asString(), "menu");
        Set<String> added = new HashSet<>(storedObjects());
        added.removeAll(before);
        assertThat(added).hasSize(2); // the image and its thumbnail

        p.alice()
                .delete("rooms/" + p.roomId() + "/messages/"
                        + message.path("id").asString() + "/")
                .expect(204);
        assertThat(p.bob().download(attachment.path("url").asString()).status()).isEqualTo(404);
        assertThat(p.alice()
                        .download(attachment.path("thumbnail_url").asString())
                        .status())
                .isEqualTo(404);
        JsonNode shown = p.bob()
                .get("rooms/" + p.roomId() + "/messages/")
                .expect(200)
                .path("messages")
                .get(0);
        assertThat(shown.path("attachment").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(storedObjects()).doesNotContainAnyElementsOf(added));
    }

    @Test
    void anUploadNeverSentIsSweptAfterTheOrphanAge() throws Exception {
        Pair p = pair();
        Set<String> before = storedObjects();
        JsonNode attachment = upload(p.alice(), p.roomId(), "draft.pdf", TestFiles.pdf());
        Set<String> added = new HashSet<>(storedObjects());
        added.removeAll(before);
        assertThat(added).hasSize(1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(storedObjects()).doesNotContainAnyElementsOf(added));
        assertThat(p.alice().download(attachment.path("url").asString()).status())
                .isEqualTo(404);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
