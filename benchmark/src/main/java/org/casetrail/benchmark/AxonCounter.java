package org.casetrail.benchmark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Axon's own baseline: a pooled streaming processor replaying the whole store into a counter. */
final class AxonCounter {

    private AxonCounter() {
    }

    static long replay(EventStore eventStore, long expected) throws InterruptedException {
        AtomicLong counted = new AtomicLong();
        EventMessageHandler counter = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) {
                event.getPayload();
                counted.incrementAndGet();
                return null;
            }
        };
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name("benchmark-counter")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(counter).build())
                .messageSource(eventStore)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(2)
                .batchSize(1_000)
                .build();
        try {
            processor.start();
            long deadline = System.currentTimeMillis() + TimeUnit.HOURS.toMillis(2);
            while (counted.get() < expected) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Axon's processor counted " + counted.get() + " of " + expected
                            + " events in two hours");
                }
                Thread.sleep(20);
            }
            return counted.get();
        } finally {
            processor.shutDown();
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }
}
