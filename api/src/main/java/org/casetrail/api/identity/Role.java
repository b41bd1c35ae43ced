package org.casetrail.api.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The roles of SEMANTICS section 8. A caller with none is the public; roles add up. */
public enum Role {
    ANALYST, AUDITOR, IMPORTER;

    /** Spring Security's authority for the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role's name as configuration and the API write it: analyst, auditor, importer. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        String wanted = text.trim();
        return Arrays.stream(values()).filter(role -> role.label().equalsIgnoreCase(wanted)).findFirst();
    }
}
