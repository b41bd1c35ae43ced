package org.casetrail.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.casetrail.api.support.ApiClient;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.api.support.TestUsers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The guards in front of every request, with small limits of their own: body size (413, streamed), cross-origin
 * writes, CORS for a configured origin only, security headers, JWT sign-in with roles from a nested claim (a key pair
 * made here, no network), the failed sign-in throttle and the public rate limit (429 with Retry-After). The last two
 * run last: they leave this address limited.
 */
@IntegrationTest
@TestPropertySource(properties = {"casetrail.security.rate-limit.public-requests-per-minute=8",
        "casetrail.security.rate-limit.failed-sign-ins-per-minute=3", "casetrail.limits.import-bytes=8KB",
        "casetrail.limits.rows-per-case=3", "casetrail.limits.zip-entries=2",
        "casetrail.limits.body-bytes=1KB", "casetrail.security.cors.allowed-origins=https://dashboard.example",
        "casetrail.security.jwt.roles-claim=realm_access.roles"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityGuardsIT {

    private static final KeyPair IDENTITY_PROVIDER = keyPair();
    private static final KeyPair SOMEONE_ELSE = keyPair();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry properties) throws Exception {
        Path key = Files.createTempFile("casetrail-test-jwt-", ".pem");
        key.toFile().deleteOnExit();
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                IDENTITY_PROVIDER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final ApiClient api = new ApiClient(() -> port);

    @Test
    @Order(1)
    void cors_answers_the_configured_origin_only() throws Exception {
        HttpResponse<String> allowed = send(request("/api/v1/funnel").method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()).header("Origin", "https://dashboard.example")
                .header("Access-Control-Request-Method", "GET"));
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://dashboard.example");
        HttpResponse<String> other = send(request("/api/v1/funnel").method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(other.statusCode()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void a_write_from_another_sites_page_is_refused_even_with_credentials() throws Exception {
        String csv = "source_row_id,case_ref,event_type,occurred_on,reported_on\n";
        HttpResponse<String> fromEvil = send(importer("/api/v1/imports?source=X", csv)
                .header("Origin", "https://evil.example"));
        assertThat(fromEvil.statusCode()).isEqualTo(403);
        assertThat(fromEvil.body()).contains("cross-origin-write");
        HttpResponse<String> markedCrossSite = send(importer("/api/v1/imports?source=X", csv)
                .header("Sec-Fetch-Site", "cross-site"));
        assertThat(markedCrossSite.statusCode()).isEqualTo(403);
        assertThat(send(importer("/api/v1/imports?source=X", csv).header("Origin", "https://dashboard.example"))
                .statusCode()).as("a configured origin may write").isNotEqualTo(403);
        assertThat(send(importer("/api/v1/imports?source=X", csv).header("Origin", "http://localhost:" + port))
                .statusCode()).as("this server's own pages may write").isNotEqualTo(403);
    }

    @Test
    @Order(3)
    void bodies_over_the_limit_are_413_whether_declared_or_streamed_and_nothing_is_stored() throws Exception {
        StringBuilder csv = new StringBuilder("source_row_id,case_ref,event_type,occurred_on,reported_on,force_code,"
                + "context\n");
        for (int i = 0; csv.length() < 16_384; i++) {
            csv.append(i).append(",BIG-").append(i).append(",CASE_OPENED,2024-01-01,2024-01-01,E23000001,GROUP_CSE\n");
        }
        long before = jdbc.queryForObject("SELECT count(*) FROM ledger_row", Long.class);
        HttpResponse<String> declared = send(importer("/api/v1/imports?source=BIG", csv.toString()));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("payload-too-large");
        byte[] bytes = csv.toString().getBytes();
        HttpResponse<String> streamed = send(request("/api/v1/imports?source=BIG")
                .header("Authorization", ApiClient.basic("importer", TestUsers.PASSWORD))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(streamed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_row", Long.class)).isEqualTo(before);

        String definition = "{\"id\": \"long\", \"version\": 1, \"label\": \"x\", \"description\": \""
                + "x".repeat(2000) + "\", \"minSuspects\": 1}";
        HttpResponse<String> json = send(request("/api/v1/definitions")
                .header("Authorization", ApiClient.basic("analyst", TestUsers.PASSWORD))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(definition)));
        assertThat(json.statusCode()).isEqualTo(413);
    }

    @Test
    @Order(3)
    void the_rows_of_a_case_and_a_zips_entries_are_bounded_as_configured() throws Exception {
        String header = "source_row_id,case_ref,event_type,occurred_on,reported_on,force_code,suspect_ref,note\n";
        String manyRows = header + "1,LIMIT-1,CASE_OPENED,2024-01-01,2024-01-01,E23000001,,\n"
                + "2,LIMIT-1,SUSPECT_IDENTIFIED,2024-01-02,2024-01-02,,S1,\n"
                + "3,LIMIT-1,ARRESTED,2024-01-03,2024-01-03,,S1,\n"
                + "4,LIMIT-1,CHARGED,2024-01-04,2024-01-04,,S1,\n";
        HttpResponse<String> tooMany = send(importer("/api/v1/imports?source=LIMITS", manyRows));
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("\"line\":5").contains("more than 3 rows");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (String month : List.of("01", "02", "03")) {
                out.putNextEntry(new ZipEntry("2024-" + month + "-metropolitan-street.csv"));
                out.write("Crime ID,Month,Reported by\n".getBytes());
            }
        }
        HttpResponse<String> entries = send(request("/api/v1/imports/police-uk")
                .header("Authorization", ApiClient.basic("importer", TestUsers.PASSWORD))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray())));
        assertThat(entries.statusCode()).isEqualTo(413);
        assertThat(entries.body()).contains("at most 2");
    }

    @Test
    @Order(4)
    void answers_carry_the_security_headers() throws Exception {
        HttpResponse<String> answer = send(request("/api/v1/funnel")
                .header("Authorization", ApiClient.basic("analyst", TestUsers.PASSWORD)));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(answer.headers().firstValue("Set-Cookie")).as("no session is kept").isEmpty();
        assertThat(answer.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
    }

    @Test
    @Order(4)
    void the_dashboard_is_public_and_its_own_sign_in_gets_no_browser_challenge() throws Exception {
        HttpResponse<String> page = send(request("/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> asBrowser = send(request("/api/v1/funnel"));
        assertThat(asBrowser.statusCode()).isEqualTo(401);
        assertThat(asBrowser.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        HttpResponse<String> asDashboard = send(request("/api/v1/funnel").header("X-Requested-With",
                "XMLHttpRequest"));
        assertThat(asDashboard.statusCode()).isEqualTo(401);
        assertThat(asDashboard.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(asDashboard.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");

        assertThat(send(request("/api/v1/me")).body()).isEqualTo("{\"user\":null,\"roles\":[]}");
        assertThat(send(request("/api/v1/me").header("Authorization", ApiClient.basic("tester",
                TestUsers.PASSWORD))).body()).isEqualTo("{\"user\":\"tester\",\"roles\":[\"analyst\",\"auditor\","
                + "\"importer\"]}");
        assertThat(send(request("/api/v1/me").header("Authorization", ApiClient.basic("tester", "wrong"))
                .header("X-Requested-With", "XMLHttpRequest")).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void a_jwt_signs_in_with_the_roles_of_its_claim() throws Exception {
        String analyst = jwt(IDENTITY_PROVIDER, Map.of("roles", List.of("analyst", "unknown-role")),
                Instant.now().plusSeconds(300));
        assertThat(send(bearer("/api/v1/funnel", analyst)).statusCode()).isEqualTo(200);
        assertThat(send(bearer("/api/v1/audit", analyst)).statusCode()).as("not an auditor").isEqualTo(403);
        String forged = jwt(SOMEONE_ELSE, Map.of("roles", List.of("auditor")), Instant.now().plusSeconds(300));
        assertThat(send(bearer("/api/v1/funnel", forged)).statusCode()).isEqualTo(401);
        String expired = jwt(IDENTITY_PROVIDER, Map.of("roles", List.of("analyst")), Instant.now().minusSeconds(600));
        assertThat(send(bearer("/api/v1/funnel", expired)).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT principal FROM access_log WHERE action = 'REFUSED' AND status = 403 "
                + "ORDER BY seq DESC LIMIT 1", String.class)).isEqualTo("idp-user");
    }

    @Test
    @Order(6)
    void repeated_failed_sign_ins_make_the_address_wait() throws Exception {
        int status = 0;
        for (int i = 0; i < 6 && status != 429; i++) {
            status = send(request("/api/v1/funnel").header("Authorization",
                    ApiClient.basic("analyst", "guess-" + i))).statusCode();
        }
        assertThat(status).isEqualTo(429);
        HttpResponse<String> evenRight = send(request("/api/v1/funnel")
                .header("Authorization", ApiClient.basic("analyst", TestUsers.PASSWORD)));
        assertThat(evenRight.statusCode()).isEqualTo(429);
        assertThat(evenRight.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    @Order(7)
    void the_public_is_rate_limited_with_retry_after() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 12 && (last == null || last.statusCode() != 429); i++) {
            last = send(request("/api/v1/definitions"));
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(last.body()).contains("rate-limited");
        assertThat(send(request("/actuator/health")).statusCode()).as("health is never limited").isEqualTo(200);
        assertThat(send(request("/")).statusCode()).as("nor the dashboard's static files").isEqualTo(200);
    }

    private HttpRequest.Builder importer(String path, String csv) {
        return request(path).header("Authorization", ApiClient.basic("importer", TestUsers.PASSWORD))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv));
    }

    private HttpRequest.Builder bearer(String path, String token) {
        return request(path).header("Authorization", "Bearer " + token);
    }

    private HttpRequest.Builder request(String path) {
        return api.request(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return api.send(request);
    }

    private static String jwt(KeyPair key, Map<String, Object> realmAccess, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject("idp-user").claim("realm_access", realmAccess).issueTime(new Date())
                .expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
