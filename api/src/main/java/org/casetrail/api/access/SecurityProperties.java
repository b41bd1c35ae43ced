package org.casetrail.api.access;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code casetrail.security.*}: the users who sign in with HTTP Basic, how a JWT's roles are read, which origins
 * may call from a browser, and the public rate limit.
 *
 * @param users by name: a password in any format of Spring's {@code DelegatingPasswordEncoder} ({@code {bcrypt}...};
 *              {@code {noop}...} for tests) and comma-separated roles; also as environment variables,
 *              {@code CASETRAIL_SECURITY_USERS_ALICE_PASSWORD} and {@code CASETRAIL_SECURITY_USERS_ALICE_ROLES}
 */
@ConfigurationProperties("casetrail.security")
record SecurityProperties(Map<String, User> users, @DefaultValue Jwt jwt, @DefaultValue Cors cors,
                                 @DefaultValue RateLimit rateLimit) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public record User(String password, String roles) {
    }

    /** Where a JWT carries the caller's roles (a list or a space- or comma-separated string) and name. */
    public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String principalClaim) {
    }

    /** Origins allowed to call from a browser; none by default, so no other site's page can read an answer. */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    /**
     * Requests a minute from one address: without credentials, and failed sign-ins (after which that address's
     * requests with credentials wait too).
     */
    public record RateLimit(@DefaultValue("300") int publicRequestsPerMinute,
                            @DefaultValue("20") int failedSignInsPerMinute) {
    }
}
