package com.sudamall.chat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sudamall.chat.support.ChatClient;
import com.sudamall.chat.support.IntegrationTest;
import com.sudamall.chat.support.SocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Resume by seq: everything after the cursor, then live, with no gap and no duplicate. */
class ResumeIntegrationTests extends IntegrationTest {

    @Test
    void afterSeqOnConnectReplaysThenContinuesLiveWithoutGapOrDuplicate() throws Exception {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        for (int i = 1; i <= 5; i++) {
            send(alice, room, "m" + i);
        }

        try (SocketClient socket =
                        SocketClient.connect(port, "/ws/chat/" + room + "/?after_seq=2&token=" + bob.token());
                ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 6; i <= 30; i++) {
                String text = "m" + i;
                sends.add(pool.submit(() -> send(alice, room, text)));
            }
            for (Future<?> sent : sends) {
                sent.get();
            }

            Awaitility.await().until(() -> seqs(socket).size() >= 28);
            assertThat(seqs(socket)).isEqualTo(range(3, 30));
        }
    }

    @Test
    void resumeFrameReplaysWhatWasMissed() {
        ChatClient alice = login("alice");
        ChatClient bob = login("bob");
        String room = roomId(privateRoom(alice, bob));
        try (SocketClient socket = SocketClient.connect(port, "/ws/chat/" + room + "/?token=" + bob.token())) {
            for (int i = 1; i <= 3; i++) {
                send(alice, room, "m" + i);
            }
            Awaitility.await().until(() -> seqs(socket).size() == 3);

            socket.send(Map.of("type", "resume", "after_seq", 1));

            Awaitility.await().until(() -> seqs(socket).size() == 5);
            assertThat(seqs(socket)).containsExactly(1L, 2L, 3L, 2L, 3L);
        }
    }

    private static List<Long> seqs(SocketClient socket) {
        return socket.frames().stream()
                .filter(f -> "message".equals(f.path("type").asString()))
                .map(f -> f.path("message").path("seq").asLong())
                .toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            values.add(v);
        }
        return values;
    }
}
