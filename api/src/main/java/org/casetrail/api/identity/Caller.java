package org.casetrail.api.identity;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in caller of the current request: a name and roles, or the public (no name, no role). */
public record Caller(String name, Set<Role> roles) {

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return new Caller(null, EnumSet.noneOf(Role.class));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return new Caller(authentication.getName(), roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isPublic() {
        return name == null;
    }

    /** Analysts and auditors read figures and publications unprotected. */
    public boolean readsUnprotected() {
        return has(Role.ANALYST) || has(Role.AUDITOR);
    }

    public String rolesText() {
        return String.join(",", roles.stream().map(Role::label).toList());
    }
}
