package org.casetrail.projections.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.EthnicityFigure;
import org.casetrail.projections.figures.EthnicityScheme;

/** SEMANTICS 6.6: how complete the recording of suspects' ethnicity is. */
final class CompletenessDeclaration extends DescribedFigure<CompletenessDeclaration.Completeness> {

    record Group(Map<String, Object> key, long selfDefined, long officerOnly, long notRecorded, long total,
                 BigDecimal shareRecorded, String figureId) {
    }

    record Completeness(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, String stage,
                        LocalDate from, LocalDate to, List<Group> groups) implements FigureAnswer {
    }

    CompletenessDeclaration() {
        super("ethnicity-completeness", "/ethnicity/completeness",
                "How complete ethnicity recording is (SEMANTICS 6.6)", "");
    }

    @Override
    public List<FigureParameter> parameters() {
        return List.of(FigureParameter.choice("stage", "stage reached directly (default RECORDED)", false,
                Stage.class));
    }

    @Override
    public Completeness answer(FigureQuery query) {
        Stage stage = query.choice("stage", Stage.class, Stage.RECORDED);
        query.canonical("stage", stage.name());
        var answered = query.fromModelOrLedger(query.asOf(),
                models -> Optional.of(models.completeness(query.scope(), stage)), new EthnicityFigure(query.scope(),
                        stage, EthnicityScheme.BEST, EthnicityScheme.Level.GROUP, query.tracer()));
        var computed = answered.computed();
        FigureQuery.CellIds ids = query.record(computed.position());
        List<Group> groups = computed.result().completeness().stream()
                .map(group -> new Group(group.key().values(), group.selfDefined(), group.officerOnly(),
                        group.notRecorded(), group.total(), group.shareRecorded(),
                        ids.cell(EthnicityFigure.completenessCell(group.key()))))
                .toList();
        return new Completeness(query.definition(), computed.asOf(), computed.position(), answered.from(),
                stage.name(), query.scope().from(), query.scope().to(), groups);
    }

    @Override
    public FigureTable.Builder table(Completeness completeness) {
        GroupColumns columns = GroupColumns.of(completeness.groups(), Group::key);
        FigureTable.Builder table = FigureTable.builder("Ethnicity completeness", columns.then("selfDefined",
                "officerOnly", "notRecorded", "total", "shareRecorded", "figureId"));
        completeness.groups().forEach(group -> table.row(columns.row(group.key(), group.selfDefined(),
                group.officerOnly(), group.notRecorded(), group.total(), group.shareRecorded(), group.figureId())));
        return table.note("stage", completeness.stage()).note("from", completeness.from())
                .note("to", completeness.to());
    }

    @Override
    public Map<String, FigureCell> cells(Completeness completeness) {
        Map<String, FigureCell> cells = new LinkedHashMap<>();
        completeness.groups().forEach(group -> cells.put(group.figureId(), FigureCell.of(group.key(),
                group.total())));
        return cells;
    }
}
