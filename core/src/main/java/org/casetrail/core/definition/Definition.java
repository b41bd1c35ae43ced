package org.casetrail.core.definition;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.casetrail.core.pipeline.CaseContext;

/**
 * Which cases count and how some stages are read (SEMANTICS section 5). A published version never changes: a change is
 * a new version.
 */
public record Definition(String id, int version, String label, String description, Rules rules) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /**
     * The rules. {@code minSuspects}: at least this many distinct suspects; {@code contexts}: if not empty, the
     * case's context is one of these; {@code maxVictimAge}: if set, at least one victim's known age is at most this;
     * {@code arrestIncludesInterview}: an interview counts as an arrest; {@code excludeQuashedConvictions}: a
     * conviction later quashed is not CONVICTED.
     */
    public record Rules(int minSuspects, Set<CaseContext> contexts, Integer maxVictimAge,
                        boolean arrestIncludesInterview, boolean excludeQuashedConvictions) {

        public static final Rules DEFAULT = new Rules(0, Set.of(), null, false, true);

        public Rules {
            contexts = Set.copyOf(contexts);
        }
    }

    public Definition {
        Objects.requireNonNull(rules, "rules");
    }

    /** The {@code id@version} form queries use. */
    public String reference() {
        return id + "@" + version;
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static final Definition ALL_CASES = new Definition("all-cases", 1, "All cases",
            "Every case in the ledger.", Rules.DEFAULT);
    public static final Definition GROUP_BASED = new Definition("group-based", 1, "Group-based",
            "Two or more suspects and at least one victim aged 17 or under: the police taskforce's \"two or more "
                    + "perpetrators\".", new Rules(2, Set.of(), 17, false, true));
    public static final Definition GROOMING_GANGS = new Definition("grooming-gangs", 1, "Grooming gangs",
            "Group-based child sexual exploitation outside the family: two or more suspects, a victim aged 17 or "
                    + "under, context GROUP_CSE.", new Rules(2, Set.of(CaseContext.GROUP_CSE), 17, false, true));

    public static final List<Definition> BUILT_IN = List.of(ALL_CASES, GROUP_BASED, GROOMING_GANGS);
}
