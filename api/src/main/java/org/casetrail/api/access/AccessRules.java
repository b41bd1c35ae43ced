package org.casetrail.api.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.casetrail.api.identity.Role;
import org.casetrail.projections.catalog.FigureCatalog;
import org.casetrail.projections.catalog.FigureDeclaration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * SEMANTICS section 8's table, written once: which roles may call each endpoint. The security filter chain enforces
 * it and the OpenAPI document declares it; anything not listed is refused.
 */
public final class AccessRules {

    /** One endpoint (or family of paths) and the roles that may call it; no roles means the public may. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {

        public boolean isPublic() {
            return roles.isEmpty();
        }

        boolean matches(HttpMethod requestMethod, String path) {
            return method.equals(requestMethod) && PARSER.parse(pattern).matches(PathContainer.parsePath(path));
        }
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;
    private static final Set<Role> PUBLIC = EnumSet.noneOf(Role.class);
    private static final Set<Role> READERS = EnumSet.of(Role.ANALYST, Role.AUDITOR);
    private static final Set<Role> ANALYST = EnumSet.of(Role.ANALYST);
    private static final Set<Role> AUDITOR = EnumSet.of(Role.AUDITOR);
    private static final Set<Role> IMPORTER = EnumSet.of(Role.IMPORTER);

    public static final List<Rule> RULES = Stream.concat(Stream.of(
            // The dashboard's static pages: the public sees them; what they show is asked of the API as the caller.
            get("/", PUBLIC),
            get("/index.html", PUBLIC),
            get("/app/**", PUBLIC),
            get("/vendor/**", PUBLIC),
            get("/favicon.svg", PUBLIC),
            // The public reads publications (protected), definitions, the API description and health.
            get("/api/v1/me", PUBLIC),
            get("/api/v1/publications", PUBLIC),
            get("/api/v1/publications/{id}", PUBLIC),
            get("/api/v1/publications/{id}/revisions", PUBLIC),
            get("/api/v1/definitions", PUBLIC),
            get("/api/v1/definitions/{id}/versions/{version}", PUBLIC),
            get("/v3/api-docs", PUBLIC),
            get("/v3/api-docs.yaml", PUBLIC),
            get("/v3/api-docs/**", PUBLIC),
            get("/swagger-ui.html", PUBLIC),
            get("/swagger-ui/**", PUBLIC),
            get("/actuator/health", PUBLIC),
            get("/actuator/health/**", PUBLIC),
            get("/actuator/info", PUBLIC),
            // Live figures (every figure of the catalog, and comparisons): analysts and auditors; never the public.
            get("/api/v1/compare", READERS),
            get("/api/v1/replays/{replayId}", READERS),
            // What only an analyst does.
            new Rule(HttpMethod.POST, "/api/v1/definitions", ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/definitions/{id}/versions/{version}/replays", ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/publications", ANALYST),
            // Case-level data and the access log: auditors only.
            get("/api/v1/figures/{figureId}/trace", AUDITOR),
            get("/api/v1/cases/{caseRef}/events", AUDITOR),
            get("/api/v1/audit", AUDITOR),
            get("/api/v1/audit/verify", AUDITOR),
            // Imports.
            new Rule(HttpMethod.POST, "/api/v1/imports", IMPORTER),
            new Rule(HttpMethod.POST, "/api/v1/imports/police-uk", IMPORTER)),
            FigureCatalog.ALL.stream().map(figure -> get(endpoint(figure), READERS))).toList();

    private AccessRules() {
    }

    /** Where a figure is served: the controller registers it here, and the API description finds it here. */
    public static String endpoint(FigureDeclaration<?> figure) {
        return "/api/v1" + figure.path();
    }

    /** The rule for a request, if any (the first that matches). */
    public static Optional<Rule> find(HttpMethod method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }

    private static Rule get(String pattern, Set<Role> roles) {
        return new Rule(HttpMethod.GET, pattern, roles);
    }
}
