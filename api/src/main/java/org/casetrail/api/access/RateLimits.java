package org.casetrail.api.access;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Token buckets per caller address (Bucket4j): requests without credentials share the public limit, and an address
 * whose sign-ins failed too often waits before it may try credentials again. Either answers 429 with
 * {@code Retry-After}. Health checks are not limited.
 */
class RateLimits extends OncePerRequestFilter {

    private static final long MAX_ADDRESSES = 100_000;

    private final Cache<String, Bucket> publicRequests = addresses();
    private final Cache<String, Bucket> failedSignIns = addresses();
    private static final List<String> LIMITED = List.of("/api/", "/v3/", "/swagger-ui", "/actuator/");

    private final SecurityProperties.RateLimit limits;
    private final ProblemResponses problems;

    RateLimits(SecurityProperties.RateLimit limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        long waitNanos = 0;
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            ConsumptionProbe probe = publicRequests.get(address, a -> perMinute(limits.publicRequestsPerMinute()))
                    .tryConsumeAndReturnRemaining(1);
            waitNanos = probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
        } else {
            Bucket failures = failedSignIns.getIfPresent(address);
            if (failures != null) {
                EstimationProbe probe = failures.estimateAbilityToConsume(1);
                waitNanos = probe.canBeConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
            }
        }
        if (waitNanos > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999));
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "too many requests from this address; try again in " + seconds + " s",
                    Map.of("retryAfterSeconds", seconds));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Health probes and the dashboard's static files are not limited: only what costs the server work is. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/health") || LIMITED.stream().noneMatch(path::startsWith);
    }

    void failedSignIn(HttpServletRequest request) {
        failedSignIns.get(request.getRemoteAddr(), a -> perMinute(limits.failedSignInsPerMinute())).tryConsume(1);
    }

    private static Bucket perMinute(int requests) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, Duration.ofMinutes(1)))
                .build();
    }

    private static Cache<String, Bucket> addresses() {
        return Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterAccess(Duration.ofMinutes(10)).build();
    }
}
