package org.casetrail.api.definitions;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.casetrail.api.TextInput;
import org.casetrail.core.InvalidParameterException;
import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.CaseContext;

/**
 * Reads the JSON object of {@code POST /definitions}: {@code id}, {@code version}, {@code label}, {@code description}
 * and the rules of SEMANTICS section 5 as top-level fields. Anything else, or a value of the wrong kind, is an error
 * naming the field.
 */
public final class DefinitionRequest {

    private static final Set<String> FIELDS = Set.of("id", "version", "label", "description", "minSuspects",
            "contexts", "maxVictimAge", "arrestIncludesInterview", "excludeQuashedConvictions");
    private static final int MAX_AGE = 120;

    private DefinitionRequest() {
    }

    public static Definition read(Map<String, Object> body) {
        for (String field : body.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidParameterException(field, "unknown rule or field '" + field + "'; a definition has "
                        + "id, version, label, description, minSuspects, contexts, maxVictimAge, "
                        + "arrestIncludesInterview and excludeQuashedConvictions");
            }
        }
        String id = text(body, "id", true);
        if (!Definition.isValidId(id)) {
            throw new InvalidParameterException("id", "id must be 1 to 63 lowercase letters, digits or '-', "
                    + "starting with a letter or digit");
        }
        int version = whole(body, "version", true, 1, Integer.MAX_VALUE);
        String label = TextInput.checked("label", text(body, "label", false), 255, false);
        String description = TextInput.checked("description", text(body, "description", false), 4000, true);
        Definition.Rules rules = new Definition.Rules(
                body.containsKey("minSuspects") ? whole(body, "minSuspects", false, 0, 1_000) : 0,
                contexts(body.get("contexts")),
                body.get("maxVictimAge") == null ? null : whole(body, "maxVictimAge", false, 0, MAX_AGE),
                flag(body, "arrestIncludesInterview", false),
                flag(body, "excludeQuashedConvictions", true));
        return new Definition(id, version, label == null ? id : label, description == null ? "" : description, rules);
    }

    private static String text(Map<String, Object> body, String field, boolean required) {
        Object value = body.get(field);
        if (value == null) {
            if (required) {
                throw new InvalidParameterException(field, field + " is required");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidParameterException(field, field + " must be a string");
        }
        return text;
    }

    private static int whole(Map<String, Object> body, String field, boolean required, int min, int max) {
        Object value = body.get(field);
        if (value == null && required) {
            throw new InvalidParameterException(field, field + " is required");
        }
        if (!(value instanceof Integer number) || number < min || number > max) {
            throw new InvalidParameterException(field, field + " must be a whole number from " + min + " to " + max);
        }
        return number;
    }

    private static boolean flag(Map<String, Object> body, String field, boolean fallback) {
        Object value = body.get(field);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Boolean bool)) {
            throw new InvalidParameterException(field, field + " must be true or false");
        }
        return bool;
    }

    private static Set<CaseContext> contexts(Object value) {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidParameterException("contexts", "contexts must be a list of context codes");
        }
        Set<CaseContext> contexts = EnumSet.noneOf(CaseContext.class);
        for (Object item : list) {
            try {
                contexts.add(CaseContext.valueOf(String.valueOf(item).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("contexts", "'" + item + "' is not a context; expected one of "
                        + List.of(CaseContext.values()));
            }
        }
        return contexts;
    }
}
