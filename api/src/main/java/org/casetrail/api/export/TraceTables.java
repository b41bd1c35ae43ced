package org.casetrail.api.export;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.casetrail.api.figures.FigureTraces;
import org.casetrail.projections.catalog.FigureTable;

/** A trace laid out for people: one row per event of each contributor. */
public final class TraceTables {

    private TraceTables() {
    }

    public static FigureTable trace(FigureTraces.Trace trace) {
        FigureTable.Builder table = FigureTable.builder("Trace", List.of("contributor", "caseRef", "suspectRef",
                "victimRef", "role", "eventId", "position", "type", "occurredOn", "reportedOn", "source",
                "sourceRowId", "correctedBy"));
        int index = 0;
        for (FigureTraces.Member member : trace.contributors()) {
            index++;
            for (FigureTraces.Event event : member.events()) {
                table.row(Arrays.asList(index, member.caseRef(), notApplicable(member.suspectRef()),
                        notApplicable(member.victimRef()), member.role(), event.eventId(), event.position(),
                        event.type(), notApplicable(event.occurredOn()), event.reportedOn(), event.source(),
                        event.sourceRowId(), event.correctedBy().stream().map(FigureTraces.Event::eventId)
                                .collect(Collectors.joining(" "))));
            }
        }
        return table.note("figureId", trace.figureId()).note("endpoint", trace.endpoint())
                .note("query", trace.query()).note("position", trace.position()).note("value", trace.value())
                .note("contributors", trace.contributors().size()).build();
    }

    private static Object notApplicable(Object value) {
        return value == null ? FigureTable.Symbol.NOT_APPLICABLE : value;
    }
}
