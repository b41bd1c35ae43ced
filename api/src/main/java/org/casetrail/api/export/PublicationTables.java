package org.casetrail.api.export;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.casetrail.api.publications.PublicationService;

/** Publications and their revisions laid out for people, one row per published number. */
public final class PublicationTables {

    private static final List<String> MEASURES = List.of("count", "implied", "rateFromPrevious", "rateFromEntry",
            "population", "completed", "censored", "competing", "undated", "invalid", "p25", "p50", "p75", "p90",
            "mean", "kaplanMeierMedian", "reopened", "medianDaysClosed", "arrestedAfter", "chargedAfter",
            "convictedAfter", "reclosed", "selfDefined", "officerOnly", "notRecorded", "total", "shareRecorded");

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
        return table.note("publication", publication.name()).note("publicationId", publication.publicationId())
                .note("position", publication.position()).note("publishedAt", publication.publishedAt())
                .note("figures", publication.figures().stream().map(figure -> figure.figure() + " "
                        + figure.parameters()).collect(Collectors.joining("; "))).build();
    }

    public static FigureTable revisions(PublicationService.Revisions revisions) {
        FigureTable.Builder table = FigureTable.builder("Revisions", List.of("figureIndex", "figure", "cell", "then",
                "now", "difference", "movedBy", "figureIdThen", "figureIdNow"));
        int index = 0;
        for (PublicationService.FigureRevision figure : revisions.figures()) {
            index++;
            for (PublicationService.CellRevision cell : figure.cells()) {
                table.row(Arrays.asList(index, figure.figure(), describe(cell.labels()), cell.then(), cell.now(),
                        cell.difference(), cell.movedBy().stream().map(event -> event.type() + " " + event.caseRef()
                                + " " + event.source() + "/" + event.sourceRowId()).collect(Collectors.joining("; ")),
                        cell.figureIdThen(), cell.figureIdNow()));
            }
        }
        return table.note("publication", revisions.name()).note("publicationId", revisions.publicationId())
                .note("published at position", revisions.position()).note("now at position", revisions.nowPosition())
                .build();
    }

    /** Every object of the answer that carries a figure id is a cell; its numbers are its measures. */
    private static void addCells(FigureTable.Builder table, int index, String figure, JsonNode node, String path,
                                 String entry) {
        if (node.isObject()) {
            if (node.has("figureId")) {
                String cell = describe(node, path);
                for (String measure : MEASURES) {
                    if (node.has(measure)) {
                        JsonNode value = node.get(measure);
                        boolean entryRate = measure.equals("rateFromPrevious") && node.path("stage").asText()
                                .equals(entry);
                        table.row(Arrays.asList(index, figure, cell, measure, entryRate
                                ? FigureTable.Symbol.NOT_APPLICABLE : value.isNull() ? null : value.decimalValue(),
                                node.get("figureId").asText()));
                    }
                }
            }
            String key = node.has("key") ? node.get("key").toString() : path;
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
        for (String name : List.of("stage", "suspectEthnicity", "victimEthnicity")) {
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
