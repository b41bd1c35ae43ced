package org.casetrail.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port against its own PostgreSQL database, with one user per role and a
 * {@code tester} who has all three ({@link TestUsers}). The autowired {@code TestRestTemplate} signs in as
 * {@code tester} and states a reason, as an auditor's client would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "casetrail.security.users.tester.password={noop}" + TestUsers.PASSWORD,
        "casetrail.security.users.tester.roles=analyst,auditor,importer",
        "casetrail.security.users.analyst.password={noop}" + TestUsers.PASSWORD,
        "casetrail.security.users.analyst.roles=analyst",
        "casetrail.security.users.auditor.password={noop}" + TestUsers.PASSWORD,
        "casetrail.security.users.auditor.roles=auditor",
        "casetrail.security.users.importer.password={noop}" + TestUsers.PASSWORD,
        "casetrail.security.users.importer.roles=importer",
        // Spring keeps every test's context open until the JVM ends: each may hold only what it uses, or together
        // they reach PostgreSQL's 100 connections.
        "spring.datasource.hikari.minimum-idle=1",
        "spring.datasource.hikari.idle-timeout=10000"})
@Import({PostgresTestConfiguration.class, TestUsers.class})
public @interface IntegrationTest {
}
