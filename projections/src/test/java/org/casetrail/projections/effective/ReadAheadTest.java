package org.casetrail.projections.effective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void every_case_reaches_the_handler_once_in_the_order_read_on_the_calling_thread() {
        List<String> handled = new ArrayList<>();
        Thread caller = Thread.currentThread();
        AtomicBoolean otherThread = new AtomicBoolean();
        ReadAhead.run(sink -> {
            for (int i = 0; i < 10_000; i++) {
                sink.accept(String.format("C%05d", i), List.of());
            }
        }, (caseRef, events) -> {
            otherThread.compareAndSet(false, Thread.currentThread() != caller);
            handled.add(caseRef);
        });
        assertThat(handled).hasSize(10_000).isSorted().doesNotHaveDuplicates();
        assertThat(otherThread).isFalse();
    }

    @Test
    void a_failure_while_reading_reaches_the_handlers_thread() {
        assertThatThrownBy(() -> ReadAhead.run(sink -> {
            sink.accept("C1", List.of());
            throw new IllegalArgumentException("cursor broke");
        }, (caseRef, events) -> {
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("cursor broke");
    }

    @Test
    void a_failing_handler_stops_the_reading() throws Exception {
        AtomicInteger read = new AtomicInteger();
        AtomicBoolean readerEnded = new AtomicBoolean();
        assertThatThrownBy(() -> ReadAhead.run(sink -> {
            try {
                for (int i = 0; i < 10_000_000; i++) {
                    sink.accept("C" + i, List.of());
                    read.incrementAndGet();
                }
            } finally {
                readerEnded.set(true);
            }
        }, (caseRef, events) -> {
            throw new IllegalStateException("stop");
        })).hasMessage("stop");
        for (int i = 0; i < 50 && !readerEnded.get(); i++) {
            Thread.sleep(20);
        }
        assertThat(readerEnded).isTrue();
        assertThat(read.get()).isLessThan(10_000);
    }
}
