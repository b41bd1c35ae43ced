package org.casetrail.projections.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.projections.figures.FunnelFigure;
import org.casetrail.projections.figures.PeriodCountsFigure;

/** SEMANTICS 6.3: how many reached each stage within the window, whenever they entered. */
final class PeriodCountsDeclaration extends DescribedFigure<PeriodCountsDeclaration.PeriodCounts> {

    record Count(String stage, long count, String figureId) {
    }

    record Group(Map<String, Object> key, List<Count> counts) {
    }

    record PeriodCounts(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, String unit,
                        LocalDate from, LocalDate to, List<Group> groups) implements FigureAnswer {
    }

    PeriodCountsDeclaration() {
        super("period-counts", "Period counts (SEMANTICS 6.3)", "");
    }

    @Override
    public List<FigureParameter> parameters() {
        return List.of(FigureParameter.choice("unit",
                "suspect (default), case or victim (adds VICTIM_RECORDED, victims identified)", false,
                List.of("suspect", "case", "victim")));
    }

    @Override
    public PeriodCounts answer(FigureQuery query) {
        FunnelFigure.Unit unit = query.choice("unit", FunnelFigure.Unit.class, FunnelFigure.Unit.SUSPECT);
        query.canonical("unit", unit.name());
        var answered = query.fromModelOrLedger(query.asOf(), models -> models.periodCounts(query.scope(), unit),
                new PeriodCountsFigure(query.scope(), unit, query.tracer()));
        var computed = answered.computed();
        FigureQuery.CellIds ids = query.record(computed.position());
        List<Group> groups = computed.result().groups().stream()
                .map(group -> new Group(group.key().values(), group.counts().stream()
                        .map(count -> new Count(count.stage().name(), count.count(),
                                ids.cell(PeriodCountsFigure.cell(group.key(), count.stage()))))
                        .toList()))
                .toList();
        return new PeriodCounts(query.definition(), computed.asOf(), computed.position(), answered.from(),
                unit.name().toLowerCase(), query.scope().from(), query.scope().to(), groups);
    }

    @Override
    public FigureTable.Builder table(PeriodCounts counts) {
        GroupColumns columns = GroupColumns.of(counts.groups(), Group::key);
        FigureTable.Builder table = FigureTable.builder("Period counts", columns.then("stage", "count", "figureId"));
        counts.groups().forEach(group -> group.counts().forEach(count -> table.row(columns.row(group.key(),
                count.stage(), count.count(), count.figureId()))));
        return table.note("unit", counts.unit()).note("from", counts.from()).note("to", counts.to());
    }

    @Override
    public Map<String, FigureCell> cells(PeriodCounts counts) {
        Map<String, FigureCell> cells = new LinkedHashMap<>();
        counts.groups().forEach(group -> group.counts().forEach(count -> cells.put(count.figureId(),
                FigureCell.of(group.key(), "stage", count.stage(), count.count()))));
        return cells;
    }
}
