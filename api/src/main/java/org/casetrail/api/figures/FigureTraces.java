package org.casetrail.api.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.casetrail.projections.catalog.FigureCatalog;
import org.casetrail.projections.catalog.FigureCell;
import org.casetrail.projections.catalog.FigureDeclaration;
import org.casetrail.projections.effective.EffectiveEvent;
import org.casetrail.projections.effective.LedgerEvent;
import org.casetrail.projections.figures.CellTracer;
import org.casetrail.projections.figures.Contributor;
import org.springframework.stereotype.Service;

/**
 * SEMANTICS section 7: takes any figure id back to the query that produced it and the members behind the number, as it
 * stood when it was computed (the query is asked again at its recorded position and knowledge date, so later imports
 * change nothing). The contributors are as many as the figure; a rate's denominators are listed too.
 */
@Service
public class FigureTraces {

    public record Event(String eventId, long position, String type, LocalDate occurredOn, LocalDate reportedOn,
                        String source, String sourceRowId, List<Event> correctedBy) {
    }

    public record Member(String caseRef, String suspectRef, String victimRef, String role, List<Event> events) {
    }

    public record Denominator(String figureId, long value, List<Member> contributors) {
    }

    public record Trace(String figureId, String endpoint, Map<String, String> query, long position, long value,
                        List<Member> contributors, Map<String, Denominator> denominators) {
    }

    private final FigureIds ids;
    private final FigureService figures;

    public FigureTraces(FigureIds ids, FigureService figures) {
        this.ids = ids;
        this.figures = figures;
    }

    public Optional<Trace> trace(String figureId) {
        int dash = figureId.lastIndexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        Optional<FigureIds.Recorded> found = ids.find(figureId.substring(0, dash));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FigureIds.Recorded recorded = found.get();
        FigureDeclaration<?> figure = FigureCatalog.named(recorded.endpoint()).orElseThrow();
        Map<String, String[]> query = new HashMap<>();
        recorded.parameters().forEach((name, value) -> query.put(name, new String[]{value}));
        FigureCell cell = figures.answer(figure, query).cells().get(figureId);
        if (cell == null) {
            return Optional.empty();
        }
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(figureId, figureId);
        cell.denominators().values().forEach(id -> wanted.put(id, id));
        Set<String> hashes = wanted.keySet().stream().map(id -> id.substring(dash + 1)).collect(Collectors.toSet());
        Collector collector = new Collector(recorded.queryId(), hashes::contains);
        Map<String, FigureCell> cells = figures.answer(figure, query, collector).cells();
        Map<String, Denominator> denominators = new LinkedHashMap<>();
        cell.denominators().forEach((rate, id) -> denominators.put(rate,
                new Denominator(id, cells.get(id).value(), collector.members(id))));
        return Optional.of(new Trace(figureId, recorded.endpoint(), recorded.parameters(), recorded.position(),
                cell.value(), collector.members(figureId), denominators));
    }

    /**
     * A figure asked with these parameters and the members of every one of its cells, by the cell part of the figure
     * id (the same for the same cell at any position).
     */
    public Traced traceEveryCell(FigureDeclaration<?> figure, Map<String, String[]> query) {
        Collector collector = new Collector("", hash -> true);
        FigureService.Answer answer = figures.answer(figure, query, collector);
        Map<String, List<Member>> byCell = new HashMap<>();
        collector.members.forEach((id, members) -> byCell.put(id.substring(1), members));
        return new Traced(answer, byCell);
    }

    /** A figure with the members of each of its cells, by the cell part of their figure ids. */
    public record Traced(FigureService.Answer answer, Map<String, List<Member>> membersByCell) {
    }

    /** Collects the members of the wanted cells, told apart by the cell part of their figure ids. */
    private static final class Collector implements CellTracer {
        private final String queryId;
        private final Predicate<String> wanted;
        private final Map<String, List<Member>> members = new HashMap<>();

        Collector(String queryId, Predicate<String> wanted) {
            this.queryId = queryId;
            this.wanted = wanted;
        }

        @Override
        public boolean wants(List<Object> cell) {
            return wanted.test(FigureIds.cellHash(cell));
        }

        @Override
        public void add(List<Object> cell, Contributor contributor) {
            members.computeIfAbsent(queryId + "-" + FigureIds.cellHash(cell), id -> new ArrayList<>())
                    .add(new Member(contributor.caseRef(), contributor.suspectRef(), contributor.victimRef(),
                            contributor.role(), contributor.events().stream().map(Collector::event).toList()));
        }

        List<Member> members(String figureId) {
            return members.getOrDefault(figureId, List.of());
        }

        private static Event event(EffectiveEvent event) {
            LedgerEvent recorded = event.recorded();
            return new Event(recorded.eventId(), recorded.position(), recorded.type().name(), event.occurredOn(),
                    recorded.reportedOn(), recorded.row().source(), recorded.row().rowId(),
                    event.corrections().stream().map(correction -> new Event(correction.eventId(),
                            correction.position(), correction.type().name(), correction.fields().occurredOn(),
                            correction.reportedOn(), correction.row().source(), correction.row().rowId(), List.of()))
                            .toList());
        }
    }
}
