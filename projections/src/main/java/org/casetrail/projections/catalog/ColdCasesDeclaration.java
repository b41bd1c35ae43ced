package org.casetrail.projections.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casetrail.projections.figures.ColdCasesFigure;

/** SEMANTICS 6.5: cases reopened (Operation Beaconport and others) and what followed. */
final class ColdCasesDeclaration extends DescribedFigure<ColdCasesDeclaration.ColdCases> {

    record Group(Map<String, Object> key, long reopened, Long medianDaysClosed, long arrestedAfter,
                 long chargedAfter, long convictedAfter, long reclosed, String figureId) {
    }

    record ColdCases(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, String operation,
                     LocalDate from, LocalDate to, List<Group> groups) implements FigureAnswer {
    }

    ColdCasesDeclaration() {
        super("cold-cases", "Cold cases (SEMANTICS 6.5)", "from and to are on the reopening date");
    }

    @Override
    public List<FigureParameter> parameters() {
        return List.of(FigureParameter.optional("operation", "e.g. BEACONPORT; default: any"));
    }

    @Override
    public ColdCases answer(FigureQuery query) {
        String operation = query.text("operation");
        if (operation != null) {
            query.canonical("operation", operation.toUpperCase());
        }
        var answered = query.fromModelOrLedger(query.asOf(),
                models -> Optional.of(models.coldCases(query.scope(), operation)),
                new ColdCasesFigure(query.scope(), operation, query.tracer()));
        var computed = answered.computed();
        FigureQuery.CellIds ids = query.record(computed.position());
        List<Group> groups = computed.result().groups().stream()
                .map(group -> new Group(group.key().values(), group.reopened(), group.medianDaysClosed(),
                        group.arrestedAfter(), group.chargedAfter(), group.convictedAfter(), group.reclosed(),
                        ids.cell(ColdCasesFigure.cell(group.key()))))
                .toList();
        return new ColdCases(query.definition(), computed.asOf(), computed.position(), answered.from(),
                operation, query.scope().from(), query.scope().to(), groups);
    }

    @Override
    public FigureTable.Builder table(ColdCases cold) {
        GroupColumns columns = GroupColumns.of(cold.groups(), Group::key);
        FigureTable.Builder table = FigureTable.builder("Cold cases", columns.then("reopened", "medianDaysClosed",
                "arrestedAfter", "chargedAfter", "convictedAfter", "reclosed", "figureId"));
        cold.groups().forEach(group -> table.row(columns.row(group.key(), group.reopened(),
                group.medianDaysClosed(), group.arrestedAfter(), group.chargedAfter(), group.convictedAfter(),
                group.reclosed(), group.figureId())));
        return table.note("operation", cold.operation()).note("from", cold.from()).note("to", cold.to());
    }

    @Override
    public Map<String, FigureCell> cells(ColdCases cold) {
        Map<String, FigureCell> cells = new LinkedHashMap<>();
        cold.groups().forEach(group -> cells.put(group.figureId(), FigureCell.of(group.key(), group.reopened())));
        return cells;
    }
}
