package org.casetrail.api.access;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casetrail.api.audit.AccessAction;
import org.casetrail.api.audit.AccessLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a write that a browser sends on behalf of another site's page. A browser that has cached HTTP Basic
 * credentials sends them with any request to this origin, even a plain {@code text/plain} form POST from another site,
 * which needs no CORS preflight; so a write whose {@code Origin} is not this server or a configured origin, or that the
 * browser marks {@code Sec-Fetch-Site: cross-site} or {@code same-site}, is refused (403). Clients that are not
 * browsers send neither header and are not affected. (OWASP: verifying origin with standard headers.)
 */
class CrossOriginWriteGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final List<String> allowedOrigins;
    private final ProblemResponses problems;
    private final AccessLog log;

    CrossOriginWriteGuard(List<String> allowedOrigins, ProblemResponses problems, AccessLog log) {
        this.allowedOrigins = allowedOrigins.stream().map(CrossOriginWriteGuard::normalise).toList();
        this.problems = problems;
        this.log = log;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && crossOrigin(request)) {
            log.record(request, AccessAction.REFUSED, 403, null, List.of(), null);
            problems.write(response, HttpStatus.FORBIDDEN, "cross-origin-write", "Cross-origin write refused",
                    "a write from another site's page is refused; call the API directly or from an allowed origin",
                    Map.of());
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean crossOrigin(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (origin != null) {
            String normalised = normalise(origin);
            return !normalised.equals(ownOrigin(request)) && !allowedOrigins.contains(normalised);
        }
        return "cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite);
    }

    private static String ownOrigin(HttpServletRequest request) {
        return normalise(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    }

    /** scheme://host:port in lower case with the scheme's default port written out; anything unparseable is "null". */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "null";
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException unparseable) {
            return "null";
        }
    }
}
