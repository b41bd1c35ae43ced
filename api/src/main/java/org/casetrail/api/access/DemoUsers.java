package org.casetrail.api.access;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.api.identity.Role;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo's users ({@code casetrail.demo.users=true}, set by {@code bin/start-demo}): one per role and {@code demo}
 * with all three, each with a password generated at start, kept only as a hash and printed once when the server is
 * ready. Nothing like them exists outside the demo.
 */
final class DemoUsers implements ApplicationListener<ApplicationReadyEvent> {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 20;
    private static final Map<String, List<Role>> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("analyst", List.of(Role.ANALYST));
        ROLES.put("auditor", List.of(Role.AUDITOR));
        ROLES.put("importer", List.of(Role.IMPORTER));
        ROLES.put("demo", List.of(Role.ANALYST, Role.AUDITOR, Role.IMPORTER));
    }

    private final List<UserDetails> users = new ArrayList<>();
    private final StringBuilder printout = new StringBuilder();

    DemoUsers(PasswordEncoder encoder, SecureRandom random) {
        printout.append("\n  Demo sign-in (passwords made for this start only; HTTP Basic):\n");
        ROLES.forEach((name, roles) -> {
            String password = password(random);
            users.add(User.withUsername(name).password(encoder.encode(password))
                    .authorities(roles.stream().map(Role::authority).toArray(String[]::new)).build());
            printout.append(String.format("    %-9s %s   roles: %s%n", name, password,
                    String.join(", ", roles.stream().map(Role::label).toList())));
        });
        printout.append("  Dashboard: http://localhost:%PORT%/ (sign in at the top right); API, e.g.\n"
                + "  curl -u demo:PASSWORD http://localhost:%PORT%/api/v1/funnel\n");
    }

    List<UserDetails> users() {
        return users;
    }

    /** Printed once, after the server's own start-up lines; the passwords are kept nowhere else. */
    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        if (!printout.isEmpty()) {
            System.out.println(printout.toString().replace("%PORT%",
                    ready.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080")));
            printout.setLength(0);
        }
    }

    private static String password(SecureRandom random) {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
