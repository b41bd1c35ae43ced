package org.casetrail.api.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casetrail.api.audit.AccessAction;
import org.casetrail.api.audit.AccessLog;
import org.casetrail.api.identity.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 without (or with wrong) credentials, 403 with credentials that lack the role: each a problem document, and
 * each recorded in the access log (a wrong password as a failed sign-in, counted against the caller's address).
 */
class Refusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final int MAX_CLAIMED_NAME = 255;

    private final ProblemResponses problems;
    private final AccessLog log;
    private final RateLimits rateLimits;
    private final String challenge;

    Refusals(ProblemResponses problems, AccessLog log, RateLimits rateLimits, boolean bearerTokens) {
        this.problems = problems;
        this.log = log;
        this.rateLimits = rateLimits;
        this.challenge = "Basic realm=\"Casetrail\", charset=\"UTF-8\"" + (bearerTokens ? ", Bearer" : "");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException refused) throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String detail;
        if (authorization == null) {
            log.record(request, AccessAction.REFUSED, 401, null, List.of(), null);
            detail = "sign in: this needs " + needed(request);
        } else {
            log.recordFailedSignIn(request, claimedName(authorization), 401);
            rateLimits.failedSignIn(request);
            detail = "the credentials given were not accepted";
        }
        // The dashboard asks with X-Requested-With and signs in with its own form: a challenge would make the browser
        // open its own sign-in dialog over the page.
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Sign-in needed", detail, Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException denied) throws IOException {
        log.record(request, AccessAction.REFUSED, 403, null, List.of(), null);
        problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Role needed",
                "your roles do not allow this: it needs " + needed(request), Map.of());
    }

    /** The roles the requested endpoint takes, as the access rules say. */
    private static String needed(HttpServletRequest request) {
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        return AccessRules.find(method, request.getRequestURI())
                .map(rule -> rule.isPublic() ? "no role"
                        : "the role " + String.join(" or ", rule.roles().stream().map(Role::label).toList()))
                .orElse("an address where nothing is served");
    }

    private static String claimedName(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String name = colon < 0 ? decoded : decoded.substring(0, colon);
            return name.length() > MAX_CLAIMED_NAME ? name.substring(0, MAX_CLAIMED_NAME) : name;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
