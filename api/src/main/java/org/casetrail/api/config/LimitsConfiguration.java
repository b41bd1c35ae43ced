package org.casetrail.api.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes {@link Limits} available to the server and the command line alike. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Limits.class)
class LimitsConfiguration {
}
