package org.casetrail.projections.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ConcurrentReadsTest {

    @Test
    void a_read_beyond_the_bound_waits_until_one_in_progress_ends() throws Exception {
        ConcurrentReads reads = new ConcurrentReads(2);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch twoInside = new CountDownLatch(2);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int answer = i;
                answers.add(callers.submit(() -> reads.read(() -> {
                    mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    twoInside.countDown();
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inside.decrementAndGet();
                    return answer;
                })));
            }
            assertThat(twoInside.await(10, TimeUnit.SECONDS)).as("two reads run at once").isTrue();
            Thread.sleep(300);
            assertThat(inside.get()).as("reads in progress while two hold the bound").isEqualTo(2);
            gate.countDown();
            for (int i = 0; i < 4; i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
            assertThat(mostAtOnce.get()).isEqualTo(2);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void a_failed_read_gives_its_turn_back() {
        ConcurrentReads reads = new ConcurrentReads(1);
        assertThatThrownBy(() -> reads.read(() -> {
            throw new IllegalArgumentException("failed");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("failed");
        assertThat(reads.read(() -> "next")).isEqualTo("next");
    }
}
