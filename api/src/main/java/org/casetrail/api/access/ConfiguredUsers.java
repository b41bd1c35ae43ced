package org.casetrail.api.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.casetrail.api.identity.Role;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The HTTP Basic users of {@code casetrail.security.users}, checked when the server starts: a password must name its
 * encoding ({@code {bcrypt}...}) and every role must be one of Casetrail's, or the server does not start.
 */
final class ConfiguredUsers {

    private ConfiguredUsers() {
    }

    static List<UserDetails> read(Map<String, SecurityProperties.User> users) {
        List<UserDetails> read = new ArrayList<>();
        users.forEach((name, user) -> read.add(read(name, user)));
        return read;
    }

    private static UserDetails read(String name, SecurityProperties.User user) {
        String property = "casetrail.security.users." + name;
        if (user.password() == null || !user.password().matches("^\\{[^}]+}.+")) {
            throw new IllegalStateException(property + ".password must name its encoding, e.g. {bcrypt}$2a$10$... "
                    + "(java -jar casetrail.jar hash-password makes one)");
        }
        List<String> authorities = new ArrayList<>();
        for (String roleName : (user.roles() == null ? "" : user.roles()).split(",")) {
            if (roleName.isBlank()) {
                continue;
            }
            Role role = Role.parse(roleName).orElseThrow(() -> new IllegalStateException(property + ".roles: '"
                    + roleName.trim() + "' is not a role (analyst, auditor, importer)"));
            authorities.add(role.authority());
        }
        return User.withUsername(name).password(user.password()).authorities(authorities.toArray(String[]::new))
                .build();
    }
}
