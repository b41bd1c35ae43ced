package org.casetrail.api.figures;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.core.InvalidParameterException;
import org.casetrail.core.definition.Definition;
import org.casetrail.core.reference.ReferenceData;
import org.casetrail.projections.catalog.FigureParameter;
import org.casetrail.projections.figures.Dimension;
import org.casetrail.projections.figures.FigureScope;

/**
 * The query parameters of a figure endpoint, read and checked: each problem is an error naming its parameter, and a
 * parameter the endpoint does not take is refused rather than silently ignored.
 */
final class FigureRequest {

    /** The parameters every figure endpoint takes, by name. */
    public static final Set<String> COMMON = FigureParameter.COMMON.stream().map(FigureParameter::name)
            .collect(Collectors.toUnmodifiableSet());

    private static final int LAST_YEAR = 9999;

    private final Map<String, String[]> parameters;

    public FigureRequest(Map<String, String[]> parameters, Set<String> endpointParameters) {
        this.parameters = parameters;
        for (String name : parameters.keySet()) {
            if (!COMMON.contains(name) && !endpointParameters.contains(name)) {
                throw new InvalidParameterException(name, "unknown parameter '" + name + "'; this endpoint takes "
                        + String.join(", ", new TreeSet<>(union(endpointParameters))));
            }
        }
    }

    private static Set<String> union(Set<String> endpointParameters) {
        Set<String> all = new LinkedHashSet<>(COMMON);
        all.addAll(endpointParameters);
        return all;
    }

    /** {@code definition} as {@code id} (its latest version) or {@code id@version}; default: all-cases. */
    public Definition definition(DefinitionCatalog catalog) {
        String value = single("definition");
        if (value == null) {
            return catalog.latest(Definition.ALL_CASES.id()).orElse(Definition.ALL_CASES);
        }
        int at = value.indexOf('@');
        if (at < 0) {
            return catalog.latest(value).orElseThrow(() -> new InvalidParameterException("definition",
                    "no definition '" + value + "'; see GET /api/v1/definitions"));
        }
        String id = value.substring(0, at);
        int version;
        try {
            version = Integer.parseInt(value.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("definition", "definition must be id or id@version, not '"
                    + value + "'");
        }
        return catalog.find(id, version).orElseThrow(() -> new InvalidParameterException("definition",
                "no definition " + id + " version " + version + "; see GET /api/v1/definitions"));
    }

    public FigureScope scope(Definition definition) {
        LocalDate from = date("from");
        LocalDate to = date("to");
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("from", "from (" + from + ") is after to (" + to + ")");
        }
        return new FigureScope(definition, from, to, forces(), groupBy());
    }

    public LocalDate date(String name) {
        LocalDate date = parsed(name, LocalDate::parse, "an ISO date (YYYY-MM-DD)");
        if (date != null && (date.getYear() < 1 || date.getYear() > LAST_YEAR)) {
            throw new InvalidParameterException(name, name + " must be a date in the years 1 to " + LAST_YEAR
                    + ", not '" + date + "'");
        }
        return date;
    }

    public Long position() {
        Long position = parsed("position", Long::valueOf, "a store position (a whole number)");
        if (position != null && position < 0) {
            throw new InvalidParameterException("position", "position must not be negative");
        }
        return position;
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        String value = single(name);
        if (value == null) {
            if (fallback == null) {
                throw new InvalidParameterException(name, name + " is required; one of " + names(type));
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, name + " cannot be '" + value + "'; one of " + names(type));
        }
    }

    /** A true/false parameter; absent is false. */
    public boolean flag(String name) {
        String value = single(name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidParameterException(name, name + " is true or false, not '" + value + "'");
        };
    }

    /** Whether the parameter was given a value. */
    public boolean given(String name) {
        return single(name) != null;
    }

    public String text(String name) {
        String value = single(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Set<String> forces() {
        Set<String> forces = new LinkedHashSet<>();
        for (String code : list("force")) {
            if (ReferenceData.standard().force(code).isEmpty()) {
                throw new InvalidParameterException("force", "'" + code + "' is not an ONS police force area code "
                        + "(e.g. E23000005 for Greater Manchester)");
            }
            forces.add(code);
        }
        return forces;
    }

    private List<Dimension> groupBy() {
        List<Dimension> dimensions = new ArrayList<>();
        for (String name : list("groupBy")) {
            try {
                Dimension dimension = Dimension.parse(name);
                if (!dimensions.contains(dimension)) {
                    dimensions.add(dimension);
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("groupBy", "cannot group by '" + name + "'; groupBy is a "
                        + "comma-separated list of force, region, year and context");
            }
        }
        return dimensions;
    }

    /** Every value of a parameter given once or more, each split on commas. */
    private List<String> list(String name) {
        String[] values = parameters.get(name);
        if (values == null) {
            return List.of();
        }
        return Arrays.stream(values).flatMap(value -> Arrays.stream(value.split(","))).map(String::strip)
                .filter(value -> !value.isEmpty()).toList();
    }

    private String single(String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return null;
        }
        if (values.length > 1) {
            throw new InvalidParameterException(name, name + " may be given once");
        }
        return values[0].strip();
    }

    private <T> T parsed(String name, Function<String, T> parser, String expected) {
        String value = single(name);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidParameterException(name, name + " must be " + expected + ", not '" + value + "'");
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.toString(type.getEnumConstants());
    }
}
