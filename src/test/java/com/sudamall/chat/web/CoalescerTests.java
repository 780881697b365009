package com.sudamall.chat.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many callers' single reads become few bulk reads, each caller getting its own answer (or the read's failure). */
class CoalescerTests {

    private final List<Set<Integer>> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstReadMayEnd = new CountDownLatch(1);

    /** Doubles each key, leaving odd ones out; the first read waits until the test lets it end. */
    private Map<Integer, Integer> readAll(Set<Integer> keys) {
        batches.add(Set.copyOf(keys));
        if (batches.size() == 1) {
            try {
                firstReadMayEnd.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<Integer, Integer> values = new HashMap<>();
        keys.stream().filter(key -> key % 2 == 0).forEach(key -> values.put(key, key * 2));
        return values;
    }

    @Test
    void callersWhoAskWhileAReadIsOutShareTheNextRead() throws Exception {
        Coalescer<Integer, Integer> reads = new Coalescer<>("test-reads", this::readAll, 100, 1);
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        List<Thread> callers = new ArrayList<>();
        for (int key = 0; key < 50; key++) {
            int asked = key;
            callers.add(Thread.ofPlatform().start(() -> {
                Integer value = reads.get(asked);
                answers.put(asked, value == null ? -1 : value);
            }));
            if (key == 0) {
                await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 1);
            }
        }
        // everyone else is waiting for their answer while the first read is out
        await().atMost(Duration.ofSeconds(5))
                .until(() -> callers.stream().skip(1).allMatch(t -> t.getState() == Thread.State.WAITING));
        firstReadMayEnd.countDown();
        for (Thread caller : callers) {
            caller.join(5_000);
        }

        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(0);
        assertThat(batches.get(1)).hasSize(49);
        assertThat(answers).hasSize(50);
        answers.forEach((key, value) -> assertThat(value).isEqualTo(key % 2 == 0 ? key * 2 : -1));
    }

    @Test
    void aLoneCallerIsReadAtOnceAndManyKeysOfOneCallerGoTogether() {
        firstReadMayEnd.countDown();
        Coalescer<Integer, Integer> reads = new Coalescer<>("test-reads", this::readAll, 3, 2);

        assertThat(reads.get(4)).isEqualTo(8);
        assertThat(reads.getAll(Set.of(1, 2, 3, 6, 8)))
                .containsOnly(Map.entry(2, 4), Map.entry(6, 12), Map.entry(8, 16));
        assertThat(batches.stream().skip(1).mapToInt(Set::size).sum()).isEqualTo(5);
        assertThat(batches.stream().skip(1)).allMatch(batch -> batch.size() <= 3);
    }

    @Test
    void aFailedReadFailsEveryCallerOfItWithItsOwnException() {
        IllegalStateException failure = new IllegalStateException("the database is away");
        Coalescer<Integer, Integer> reads = new Coalescer<>(
                "test-reads",
                keys -> {
                    throw failure;
                },
                100,
                1);

        assertThatThrownBy(() -> reads.get(1)).isSameAs(failure);
        assertThatThrownBy(() -> reads.getAll(Set.of(2, 3))).isSameAs(failure);
    }
}
