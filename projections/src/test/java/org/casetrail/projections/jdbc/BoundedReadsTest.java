package org.casetrail.projections.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedReadsTest {

    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    @Test
    void a_read_beyond_the_bound_waits_until_one_in_progress_ends() throws Exception {
        BoundedReads reads = new BoundedReads(2, LONG_ENOUGH);
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
        BoundedReads reads = new BoundedReads(1, LONG_ENOUGH);
        assertThatThrownBy(() -> reads.read(() -> {
            throw new IllegalArgumentException("failed");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("failed");
        assertThat(reads.read(() -> "next")).isEqualTo("next");
    }

    @Test
    void a_read_that_gets_no_turn_within_the_wait_is_refused_as_busy() throws Exception {
        BoundedReads reads = new BoundedReads(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = holder.submit(() -> reads.read(() -> {
                holding.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "first";
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicInteger ran = new AtomicInteger();
            assertThatThrownBy(() -> reads.read(ran::incrementAndGet))
                    .isInstanceOfSatisfying(BusyException.class,
                            busy -> assertThat(busy.retryAfterSeconds()).isEqualTo(1));
            assertThat(ran.get()).as("the refused read never ran").isZero();
            gate.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(reads.read(() -> "after")).as("the refusal took no turn").isEqualTo("after");
        } finally {
            holder.shutdownNow();
        }
    }
}
