package org.casetrail.projections.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casetrail.core.InvalidParameterException;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.FunnelFigure;
import org.casetrail.projections.models.FunnelCells;

/** SEMANTICS 6.2: the cohort funnel, from the definition's model for the current state of suspects and cases. */
final class FunnelDeclaration extends DescribedFigure<FunnelDeclaration.Funnel> {

    record StageCount(String stage, long count, long implied, BigDecimal rateFromPrevious, BigDecimal rateFromEntry,
                      String figureId) {
    }

    record Group(Map<String, Object> key, List<StageCount> stages) {
    }

    record Funnel(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, String entry,
                  String unit, LocalDate from, LocalDate to, List<Group> groups) implements FigureAnswer {
    }

    FunnelDeclaration() {
        super("funnel", "Cohort funnel (SEMANTICS 6.2)", "");
    }

    @Override
    public List<FigureParameter> parameters() {
        return List.of(FigureParameter.choice("entry", "RECORDED (default) or ARRESTED", false,
                        List.of("RECORDED", "ARRESTED")),
                FigureParameter.choice("unit", "suspect (default), case or victim", false,
                        List.of("suspect", "case", "victim")));
    }

    @Override
    public Funnel answer(FigureQuery query) {
        Stage entry = query.choice("entry", Stage.class, Stage.RECORDED);
        if (entry != Stage.RECORDED && entry != Stage.ARRESTED) {
            throw new InvalidParameterException("entry", "entry is RECORDED or ARRESTED");
        }
        FunnelFigure.Unit unit = query.choice("unit", FunnelFigure.Unit.class, FunnelFigure.Unit.SUSPECT);
        query.canonical("entry", entry.name());
        query.canonical("unit", unit.name());
        FunnelFigure ledger = new FunnelFigure(query.scope(), entry, unit, query.tracer());
        var answered = query.fromModelAtCut(query.asOf(), atCut -> atCut(query.scope(), entry, unit, atCut))
                .orElseGet(() -> query.fromModelOrLedger(query.asOf(),
                        models -> Optional.of(models.funnel(query.scope(), entry, unit)), ledger));
        var computed = answered.computed();
        FigureQuery.CellIds ids = query.record(computed.position());
        List<Group> groups = computed.result().groups().stream()
                .map(group -> new Group(group.key().values(), group.stages().stream()
                        .map(stage -> new StageCount(stage.stage().name(), stage.count(), stage.implied(),
                                stage.rateFromPrevious(), stage.rateFromEntry(),
                                ids.cell(FunnelFigure.cell(group.key(), stage.stage()))))
                        .toList()))
                .toList();
        return new Funnel(query.definition(), computed.asOf(), computed.position(), answered.from(), entry.name(),
                unit.name().toLowerCase(), query.scope().from(), query.scope().to(), groups);
    }

    /** The model's counts of the cases not changed since the cut, and the changed ones folded at it. */
    private static Optional<FunnelFigure.Result> atCut(FigureScope scope, Stage entry, FunnelFigure.Unit unit,
                                                       FigureQuery.ModelAtCut atCut) {
        return atCut.models().funnelUnchangedSince(scope, entry, unit, atCut.cut()).map(unchanged -> {
            FunnelFigure funnel = new FunnelFigure(scope, entry, unit).addingTo(unchanged.counts());
            atCut.fold(unchanged.toFold(), funnel);
            return funnel.result();
        });
    }

    @Override
    public FigureTable.Builder table(Funnel funnel) {
        GroupColumns columns = GroupColumns.of(funnel.groups(), Group::key);
        FigureTable.Builder table = FigureTable.builder("Funnel", columns.then("stage", "count", "implied",
                "rateFromPrevious", "rateFromEntry", "figureId"));
        for (Group group : funnel.groups()) {
            boolean entry = true;
            for (StageCount stage : group.stages()) {
                table.row(columns.row(group.key(), stage.stage(), stage.count(), stage.implied(),
                        entry ? FigureTable.Symbol.NOT_APPLICABLE : stage.rateFromPrevious(), stage.rateFromEntry(),
                        stage.figureId()));
                entry = false;
            }
        }
        return table.note("entry", funnel.entry()).note("unit", funnel.unit())
                .note("from", funnel.from()).note("to", funnel.to());
    }

    /** A stage's rates divide by the previous stage and by the entry stage of the same group. */
    @Override
    public Map<String, FigureCell> cells(Funnel funnel) {
        Map<String, FigureCell> cells = new LinkedHashMap<>();
        for (Group group : funnel.groups()) {
            List<StageCount> stages = group.stages();
            for (int i = 0; i < stages.size(); i++) {
                Map<String, String> denominators = new LinkedHashMap<>();
                if (i > 0) {
                    denominators.put("rateFromPrevious", stages.get(i - 1).figureId());
                    denominators.put("rateFromEntry", stages.get(0).figureId());
                }
                Map<String, Object> labels = new LinkedHashMap<>(group.key());
                labels.put("stage", stages.get(i).stage());
                cells.put(stages.get(i).figureId(), new FigureCell(labels, stages.get(i).count(), denominators));
            }
        }
        return cells;
    }
}
