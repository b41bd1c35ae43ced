package org.casetrail.projections.catalog;

import java.util.List;

/**
 * A query parameter of a figure: its name, what it means, whether it must be given and, for a choice, its values.
 * The OpenAPI document and the check for unknown parameters read these.
 */
public record FigureParameter(String name, String description, boolean required, List<String> values) {

    /** The parameters every figure takes. */
    public static final List<FigureParameter> COMMON = List.of(
            optional("definition", "id or id@version; default: the latest all-cases"),
            optional("from", "first day, inclusive (ISO date)"),
            optional("to", "last day, inclusive (ISO date)"),
            optional("asOf", "knowledge date: only what was reported on or before it counts"),
            optional("position", "store position: only what was stored at or before it counts"),
            optional("force", "ONS force codes, comma-separated or repeated"),
            optional("groupBy", "comma-separated: force, region, year, context"),
            choice("format", "json (default), csv or xlsx; Accept: text/csv also gives CSV", false,
                    List.of("json", "csv", "xlsx")));

    public static FigureParameter optional(String name, String description) {
        return new FigureParameter(name, description, false, List.of());
    }

    public static FigureParameter choice(String name, String description, boolean required, List<String> values) {
        return new FigureParameter(name, description, required, List.copyOf(values));
    }

    public static <E extends Enum<E>> FigureParameter choice(String name, String description, boolean required,
                                                             Class<E> values) {
        return choice(name, description, required, List.of(values.getEnumConstants()).stream()
                .map(Enum::name).toList());
    }
}
