package org.casetrail.api.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two writers appending to one case at once both load the same version; the loser's append breaks the unique
 * (aggregate, sequence) key and fails with a transient concurrency error. The gateway sends such a command again, so
 * no event is lost; a refusal by the case's rules is non-transient and is not repeated.
 */
@Configuration(proxyBeanMethods = false)
class CommandConfiguration {

    private static final int RETRIES = 8;
    private static final int RETRY_INTERVAL_MILLIS = 20;

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .maxRetryCount(RETRIES)
                        .retryInterval(RETRY_INTERVAL_MILLIS)
                        .build())
                .build();
    }
}
