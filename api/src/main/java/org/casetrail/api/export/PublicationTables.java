package org.casetrail.api.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.casetrail.api.publications.PublicationService;
import org.casetrail.projections.catalog.FigureTable;
import org.casetrail.projections.disclosure.AnswerProtection;

/** Publications and their revisions laid out for people, one row per published number. */
public final class PublicationTables {

    private static final List<String> MEASURES = List.of("count", "implied", "rateFromPrevious", "rateFromEntry",
            "population", "completed", "censored", "competing", "undated", "invalid", "p25", "p50", "p75", "p90",
            "mean", "kaplanMeierMedian", "reopened", "medianDaysClosed", "arrestedAfter", "chargedAfter",
            "convictedAfter", "reclosed", "selfDefined", "officerOnly", "notRecorded", "total", "shareRecorded",
            "liveCases", "suspectsUnderInvestigation", "suspectsAwaitingOutcome", "victimsInLiveCases");
    /** A lags group's incidences by days, one number each; the curve is left to the JSON answer. */
    private static final String CUMULATIVE_INCIDENCE = "cumulativeIncidence";

    private PublicationTables() {
    }

    public static FigureTable publication(PublicationService.Publication publication) {
        FigureTable.Builder table = FigureTable.builder("Publication", List.of("figureIndex", "figure", "cell",
                "measure", "value", "figureId"));
        int index = 0;
        for (PublicationService.PublishedFigure figure : publication.figures()) {
            index++;
            addCells(table, index, figure.figure(), figure.answer(), "", figure.answer().path("entry").asText());
        }
        return symbols(table.note("publication", publication.name())
                .note("publicationId", publication.publicationId()).note("view", publication.view())
                .note("position", publication.position()).note("publishedAt", publication.publishedAt())
                .note("figures", publication.figures().stream().map(figure -> figure.figure() + " "
                        + figure.parameters()).collect(Collectors.joining("; ")))).build();
    }

    /** One row per cell; the movedBy column only where the caller may read it (auditors). */
    public static FigureTable revisions(PublicationService.Revisions revisions) {
        boolean movedBy = revisions.figures().stream().flatMap(figure -> figure.cells().stream())
                .anyMatch(cell -> cell.movedBy() != null);
        List<String> columns = new ArrayList<>(List.of("figureIndex", "figure", "cell", "then", "now", "difference"));
        if (movedBy) {
            columns.add("movedBy");
        }
        columns.addAll(List.of("figureIdThen", "figureIdNow"));
        FigureTable.Builder table = FigureTable.builder("Revisions", columns);
        int index = 0;
        for (PublicationService.FigureRevision figure : revisions.figures()) {
            index++;
            for (PublicationService.CellRevision cell : figure.cells()) {
                List<String> hidden = cell.suppressedFields() == null ? List.of() : cell.suppressedFields();
                List<Object> row = new ArrayList<>(Arrays.asList(index, figure.figure(), describe(cell.labels()),
                        shown(cell.then(), hidden.contains("then")), shown(cell.now(), hidden.contains("now")),
                        shown(cell.difference(), hidden.contains("difference"))));
                if (movedBy) {
                    row.add(cell.movedBy() == null ? "" : cell.movedBy().stream().map(event -> event.type() + " "
                            + event.caseRef() + " " + event.source() + "/" + event.sourceRowId())
                            .collect(Collectors.joining("; ")));
                }
                row.addAll(Arrays.asList(cell.figureIdThen(), cell.figureIdNow()));
                table.row(row);
            }
        }
        return symbols(table.note("publication", revisions.name()).note("publicationId", revisions.publicationId())
                .note("view", revisions.view()).note("published at position", revisions.position())
                .note("now at position", revisions.nowPosition())).build();
    }

    /** What the Government Statistical Service symbols in the table mean. */
    private static FigureTable.Builder symbols(FigureTable.Builder table) {
        return table.note(FigureTable.Symbol.SUPPRESSED.text(), "confidential: suppressed to protect the people "
                        + "counted (a count of 1 to 4, or a number from which one could be worked out: SEMANTICS 8)")
                .note(FigureTable.Symbol.NOT_AVAILABLE.text(), "not available: nothing to compute it from")
                .note(FigureTable.Symbol.NOT_APPLICABLE.text(), "not applicable: the cell has no meaning here");
    }

    private static Object shown(JsonNode value, boolean suppressed) {
        return suppressed ? FigureTable.Symbol.SUPPRESSED : value.isNull() ? null : value.decimalValue();
    }

    private static Object shown(Long value, boolean suppressed) {
        return suppressed ? FigureTable.Symbol.SUPPRESSED : value;
    }

    /** Every object of the answer that carries a figure id is a cell; its numbers are its measures. */
    private static void addCells(FigureTable.Builder table, int index, String figure, JsonNode node, String path,
                                 String entry) {
        if (node.isObject()) {
            String key = node.has("key") ? node.get("key").toString() : path;
            if (node.has("figureId")) {
                // A group that is itself a cell (lags, cold cases, completeness, caseload) is named by its own key.
                String cell = describe(node, key);
                Set<String> suppressed = new HashSet<>();
                node.path(AnswerProtection.SUPPRESSED_FIELDS).forEach(field -> suppressed.add(field.asText()));
                String figureId = node.get("figureId").asText();
                for (String measure : MEASURES) {
                    if (node.has(measure)) {
                        boolean entryRate = measure.equals("rateFromPrevious") && node.path("stage").asText()
                                .equals(entry);
                        Object shown = entryRate ? FigureTable.Symbol.NOT_APPLICABLE
                                : shown(node.get(measure), suppressed.contains(measure));
                        table.row(Arrays.asList(index, figure, cell, measure, shown, figureId));
                    }
                }
                // As a lags table names them (cumulativeIncidence30, ...), suppressed together.
                node.path(CUMULATIVE_INCIDENCE).fields().forEachRemaining(days -> table.row(Arrays.asList(index,
                        figure, cell, CUMULATIVE_INCIDENCE + days.getKey(),
                        shown(days.getValue(), suppressed.contains(CUMULATIVE_INCIDENCE)), figureId)));
            }
            node.fields().forEachRemaining(field -> {
                if (!field.getKey().equals("key")) {
                    addCells(table, index, figure, field.getValue(), key, entry);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> addCells(table, index, figure, element, path, entry));
        }
    }

    private static String describe(JsonNode cell, String groupKey) {
        StringBuilder label = new StringBuilder(groupKey.isEmpty() || groupKey.equals("{}") ? "" : groupKey);
        for (String name : List.of("stage", "suspectEthnicity", "victimEthnicity", "nationality")) {
            if (cell.has(name)) {
                label.append(label.isEmpty() ? "" : " ").append(name).append('=').append(cell.get(name).asText());
            }
        }
        return label.toString();
    }

    private static String describe(Map<String, Object> labels) {
        return labels.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
    }
}
