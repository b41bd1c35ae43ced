package org.casetrail.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Real PostgreSQL for every integration test, in a database of its own: a Testcontainers container where a Docker
 * engine answers, otherwise a fresh database on the PostgreSQL server at 127.0.0.1:5432 (override with
 * {@code CASETRAIL_TEST_PG_URL}, {@code CASETRAIL_TEST_PG_USER}, {@code CASETRAIL_TEST_PG_PASSWORD}), dropped when
 * its context closes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    PostgreSQLContainer<?> postgresContainer() {
        return new PostgreSQLContainer<>("postgres:15-alpine");
    }

    @Bean
    @Conditional(DockerUnavailable.class)
    JdbcConnectionDetails localPostgres() {
        return LocalDatabase.createFresh();
    }

    static final class DockerAvailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return dockerAnswers();
        }
    }

    static final class DockerUnavailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !dockerAnswers();
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    /** A new, empty database on a running PostgreSQL server. */
    public record LocalDatabase(String getJdbcUrl, String getUsername, String getPassword)
            implements JdbcConnectionDetails {

        static LocalDatabase createFresh() {
            String server = env("CASETRAIL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
            String user = env("CASETRAIL_TEST_PG_USER", "postgres");
            String password = env("CASETRAIL_TEST_PG_PASSWORD", "");
            String name = "casetrail_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                    .toLowerCase(Locale.ROOT);
            execute(server + "postgres", user, password, "CREATE DATABASE " + name);
            return new LocalDatabase(server + name, user, password);
        }

        /**
         * Drops the database when its context closes. Spring closes the connection pool first (it depends on this
         * bean); a JVM shutdown hook of its own would drop it while the pool was still closing, and the pool then
         * waited for a connection to a database that was gone.
         */
        public void close() {
            int slash = getJdbcUrl.lastIndexOf('/');
            execute(getJdbcUrl.substring(0, slash + 1) + "postgres", getUsername, getPassword,
                    "DROP DATABASE IF EXISTS " + getJdbcUrl.substring(slash + 1) + " WITH (FORCE)");
        }

        private static void execute(String url, String user, String password, String sql) {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + url + " is needed for the integration tests "
                        + "(start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start)",
                        e);
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
