package org.casetrail.api.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;

/** The test users' password, and the client every integration test gets by default: {@code tester}, with a reason. */
@TestConfiguration(proxyBeanMethods = false)
public class TestUsers {

    public static final String PASSWORD = "test-password";
    public static final String REASON = "integration test";

    @Bean
    RestTemplateBuilder testerClient() {
        return new RestTemplateBuilder().basicAuthentication("tester", PASSWORD)
                .defaultHeader("Casetrail-Reason", REASON);
    }
}
