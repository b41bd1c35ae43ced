package org.casetrail.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.casetrail.api.support.ApiClient;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.api.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every handler the application registers, called as the public and as each role, held to SEMANTICS section 8's
 * table as written out here (independently of {@link AccessRules}). An endpoint added without a line here fails.
 * Each GET is also asked for CSV and XLSX.
 */
@IntegrationTest
class EndpointAccessIT {

    private static final String PUBLIC = "public";
    private static final List<String> CALLERS = List.of(PUBLIC, "analyst", "auditor", "importer");
    private static final Set<String> EVERYONE = Set.of(PUBLIC, "analyst", "auditor", "importer");
    private static final Set<String> ANALYST_OR_AUDITOR = Set.of("analyst", "auditor");
    private static final Set<String> NOBODY = Set.of();

    /** SEMANTICS 8: who may call each endpoint (the public's endpoints every caller may call). */
    private static final Map<String, Set<String>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("GET /api/v1/me", EVERYONE);
        TABLE.put("GET /api/v1/publications", EVERYONE);
        TABLE.put("GET /api/v1/publications/{id}", EVERYONE);
        TABLE.put("GET /api/v1/publications/{id}/revisions", EVERYONE);
        TABLE.put("GET /api/v1/definitions", EVERYONE);
        TABLE.put("GET /api/v1/definitions/{id}/versions/{version}", EVERYONE);
        TABLE.put("GET /v3/api-docs", EVERYONE);
        TABLE.put("GET /v3/api-docs.yaml", EVERYONE);
        TABLE.put("GET /v3/api-docs/swagger-config", EVERYONE);
        TABLE.put("GET /swagger-ui.html", EVERYONE);
        TABLE.put("GET /api/v1/funnel", ANALYST_OR_AUDITOR);
        TABLE.put("GET /api/v1/period-counts", ANALYST_OR_AUDITOR);
        TABLE.put("GET /api/v1/lags", ANALYST_OR_AUDITOR);
        TABLE.put("GET /api/v1/cold-cases", ANALYST_OR_AUDITOR);
        TABLE.put("GET /api/v1/ethnicity", ANALYST_OR_AUDITOR);
        TABLE.put("GET /api/v1/ethnicity/completeness", ANALYST_OR_AUDITOR);
        TABLE.put("GET /api/v1/nationality", ANALYST_OR_AUDITOR);
        TABLE.put("GET /api/v1/caseload", ANALYST_OR_AUDITOR);
        TABLE.put("GET /api/v1/compare", ANALYST_OR_AUDITOR);
        TABLE.put("GET /api/v1/replays/{replayId}", ANALYST_OR_AUDITOR);
        TABLE.put("POST /api/v1/definitions", Set.of("analyst"));
        TABLE.put("POST /api/v1/definitions/{id}/versions/{version}/replays", Set.of("analyst"));
        TABLE.put("POST /api/v1/publications", Set.of("analyst"));
        TABLE.put("GET /api/v1/figures/{figureId}/trace", Set.of("auditor"));
        TABLE.put("GET /api/v1/cases/{caseRef}/events", Set.of("auditor"));
        TABLE.put("GET /api/v1/audit", Set.of("auditor"));
        TABLE.put("GET /api/v1/audit/verify", Set.of("auditor"));
        TABLE.put("POST /api/v1/imports", Set.of("importer"));
        TABLE.put("POST /api/v1/imports/police-uk", Set.of("importer"));
        // Spring's error page is only ever rendered for another request; asked for directly it is refused.
        TABLE.put("GET /error", NOBODY);
        TABLE.put("POST /error", NOBODY);
    }

    private static final Map<String, String> PATH_VALUES = Map.of("{id}", "00000000-0000-0000-0000-000000000000",
            "{version}", "1", "{replayId}", "00000000-0000-0000-0000-000000000000", "{figureId}", "nothing-0",
            "{caseRef}", "NO-SUCH-CASE");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    private final ApiClient api = new ApiClient(() -> port);

    @Test
    void everyRegisteredHandlerIsInTheTable() {
        assertThat(new TreeSet<>(registered())).isEqualTo(new TreeSet<>(TABLE.keySet()));
    }

    @Test
    void everyHandlerAnswersEachCallerAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String endpoint : registered()) {
            Set<String> allowed = TABLE.getOrDefault(endpoint, NOBODY);
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = fill(endpoint.substring(endpoint.indexOf(' ') + 1));
            List<String> forms = method.equals("GET") && path.startsWith("/api/")
                    ? List.of("", "format=csv", "format=xlsx", "Accept: text/csv") : List.of("");
            for (String caller : CALLERS) {
                for (String form : forms) {
                    HttpResponse<String> answer = call(method, path, form, caller);
                    int status = answer.statusCode();
                    String where = endpoint + " " + form + " as " + caller + ": " + status;
                    if (allowed.contains(caller)) {
                        if (status == 401 || status == 403 || status >= 500) {
                            wrong.add(where + " (allowed)");
                        }
                    } else {
                        int refused = caller.equals(PUBLIC) ? 401 : 403;
                        if (status != refused || !answer.headers().firstValue("Content-Type").orElse("")
                                .startsWith("application/problem+json")) {
                            wrong.add(where + " (expected a " + refused + " problem document)");
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void wrongCredentialsAre401AndActuatorShowsHealthOnly() throws Exception {
        HttpRequest.Builder wrongPassword = api.request("/api/v1/funnel")
                .header("Authorization", ApiClient.basic("analyst", "not-the-password"));
        assertThat(api.send(wrongPassword).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/actuator/health", "", PUBLIC).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/actuator/health", "", PUBLIC).body()).doesNotContain("db", "diskSpace");
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator")) {
            for (String caller : CALLERS) {
                assertThat(call("GET", hidden, "", caller).statusCode()).as(hidden + " as " + caller)
                        .isIn(401, 403, 404);
            }
        }
    }

    @Test
    void theApiDescriptionDeclaresTheSchemesAndEachOperationsRoles() throws Exception {
        JsonNode document = new ObjectMapper().readTree(call("GET", "/v3/api-docs", "", PUBLIC).body());
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        List<String> wrong = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String endpoint = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            Set<String> roles = new TreeSet<>();
            op.getValue().path("x-roles").forEach(role -> roles.add(role.asText()));
            Set<String> expected = new TreeSet<>(TABLE.getOrDefault(endpoint, NOBODY));
            boolean isPublic = expected.contains(PUBLIC);
            expected.remove(PUBLIC);
            if (isPublic ? !roles.isEmpty() || !op.getValue().path("security").isArray()
                    || !op.getValue().path("security").isEmpty()
                    : !roles.equals(expected) || op.getValue().path("security").isEmpty()
                    || !op.getValue().at("/responses/403").isObject()) {
                wrong.add(endpoint + " declares " + roles + " " + op.getValue().path("security"));
            }
        }));
        assertThat(wrong).isEmpty();
        List<String> undescribed = TABLE.keySet().stream().filter(endpoint -> endpoint.contains(" /api/v1/"))
                .filter(endpoint -> !document.at("/paths/" + endpoint.substring(endpoint.indexOf(' ') + 1)
                        .replace("~", "~0").replace("/", "~1") + "/" + endpoint.substring(0, endpoint.indexOf(' '))
                        .toLowerCase(Locale.ROOT) + "/summary").isTextual())
                .toList();
        assertThat(undescribed).as("operations missing from the API description").isEmpty();
    }

    /** Every method and path the application's controllers (and the libraries it includes) register. */
    private List<String> registered() {
        List<String> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<RequestMethod> called = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : called) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    private static String fill(String pattern) {
        String path = pattern;
        for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
        }
        return path;
    }

    private HttpResponse<String> call(String method, String path, String form, String caller) throws Exception {
        String query = form.startsWith("format=") ? "?" + form : "";
        HttpRequest.Builder request = api.request(path + query)
                .header("Casetrail-Reason", TestUsers.REASON)
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json");
        }
        if (form.startsWith("Accept: ")) {
            request.header("Accept", form.substring("Accept: ".length()));
        }
        if (!caller.equals(PUBLIC)) {
            request.header("Authorization", ApiClient.basic(caller, TestUsers.PASSWORD));
        }
        return api.send(request);
    }
}
