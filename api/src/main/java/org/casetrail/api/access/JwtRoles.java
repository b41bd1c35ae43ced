package org.casetrail.api.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casetrail.api.identity.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads a JWT's roles from the configured claim (a dotted path such as {@code realm_access.roles} reaches into nested
 * objects; the value is a list or a space- or comma-separated string). Names that are not Casetrail roles are ignored.
 */
class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt settings;

    JwtRoles(SecurityProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String name : names(claim(jwt.getClaims(), settings.rolesClaim()))) {
            Role.parse(name).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        }
        String principal = jwt.getClaimAsString(settings.principalClaim());
        return new JwtAuthenticationToken(jwt, authorities, principal != null ? principal : jwt.getSubject());
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        return value;
    }

    private static List<String> names(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> names.add(String.valueOf(item)));
        } else if (value instanceof String text) {
            for (String name : text.split("[\\s,]+")) {
                if (!name.isBlank()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
