package org.casetrail.api.audit;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/** Records every accepted write (an import, a definition, a replay, a publication) and who made it. */
public class WriteRecorder extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final AccessLog log;

    public WriteRecorder(AccessLog log) {
        this.log = log;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (!READS.contains(request.getMethod()) && response.getStatus() < 400) {
            log.record(request, AccessAction.WRITE, response.getStatus(), response.getHeader("Location"), List.of(),
                    null);
        }
    }
}
