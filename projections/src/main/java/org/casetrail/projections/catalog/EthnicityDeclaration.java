package org.casetrail.projections.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.EthnicityFigure;
import org.casetrail.projections.figures.EthnicityScheme;

/** SEMANTICS 6.6: suspects and (suspect, victim) pairs by ethnicity, "Not recorded" always shown. */
final class EthnicityDeclaration extends DescribedFigure<EthnicityDeclaration.Ethnicity> {

    record Suspects(String suspectEthnicity, long count, String figureId) {
    }

    record Pairs(String suspectEthnicity, String victimEthnicity, long count, String figureId) {
    }

    record Group(Map<String, Object> key, List<Suspects> suspects, List<Pairs> pairs) {
    }

    /** Without groupBy, {@code suspects} and {@code pairs} are at the top; with it, in each of {@code groups}. */
    record Ethnicity(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, String stage,
                     String scheme, String level, LocalDate from, LocalDate to,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<Suspects> suspects,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<Pairs> pairs,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<Group> groups) implements FigureAnswer {

        /** The answer's groups, grouped or not: without groupBy, its one group with the key {@code {}}. */
        List<Group> asGroups() {
            return groups != null ? groups : List.of(new Group(Map.of(), suspects, pairs));
        }
    }

    EthnicityDeclaration() {
        super("ethnicity", "Suspects and (suspect, victim) pairs by ethnicity (SEMANTICS 6.6)", "");
    }

    @Override
    public List<FigureParameter> parameters() {
        return List.of(
                FigureParameter.choice("stage", "stage reached directly (default RECORDED)", false, Stage.class),
                FigureParameter.choice("scheme", "self, officer or best (default)", false,
                        List.of("self", "officer", "best")),
                FigureParameter.choice("level", "group (default) or code", false, List.of("group", "code")));
    }

    @Override
    public Ethnicity answer(FigureQuery query) {
        Stage stage = query.choice("stage", Stage.class, Stage.RECORDED);
        EthnicityScheme scheme = query.choice("scheme", EthnicityScheme.class, EthnicityScheme.BEST);
        EthnicityScheme.Level level = query.choice("level", EthnicityScheme.Level.class,
                EthnicityScheme.Level.GROUP);
        query.canonical("stage", stage.name());
        query.canonical("scheme", scheme.name());
        query.canonical("level", level.name());
        var answered = query.fromModelOrLedger(query.asOf(),
                models -> Optional.of(models.ethnicity(query.scope(), stage, scheme, level)),
                new EthnicityFigure(query.scope(), stage, scheme, level, query.tracer()));
        var computed = answered.computed();
        FigureQuery.CellIds ids = query.record(computed.position());
        List<Group> groups = computed.result().groups().stream()
                .map(group -> new Group(group.key().values(), group.suspects().stream()
                        .map(row -> new Suspects(row.suspectEthnicity(), row.count(),
                                ids.cell(EthnicityFigure.suspectCell(group.key(), row.suspectEthnicity()))))
                        .toList(), group.pairs().stream()
                        .map(row -> new Pairs(row.suspectEthnicity(), row.victimEthnicity(), row.count(),
                                ids.cell(EthnicityFigure.pairCell(group.key(), row.suspectEthnicity(),
                                        row.victimEthnicity()))))
                        .toList()))
                .toList();
        boolean grouped = !query.scope().groupBy().isEmpty();
        Group only = groups.isEmpty() ? new Group(Map.of(), List.of(), List.of()) : groups.get(0);
        return new Ethnicity(query.definition(), computed.asOf(), computed.position(), answered.from(),
                stage.name(), scheme.name().toLowerCase(), level.name().toLowerCase(), query.scope().from(),
                query.scope().to(), grouped ? null : only.suspects(), grouped ? null : only.pairs(),
                grouped ? groups : null);
    }

    @Override
    public FigureTable.Builder table(Ethnicity ethnicity) {
        List<Group> groups = ethnicity.asGroups();
        GroupColumns columns = GroupColumns.of(groups, Group::key);
        FigureTable.Builder table = FigureTable.builder("Ethnicity", columns.then("breakdown", "suspectEthnicity",
                "victimEthnicity", "count", "figureId"));
        for (Group group : groups) {
            group.suspects().forEach(row -> table.row(columns.row(group.key(), "suspects", row.suspectEthnicity(),
                    FigureTable.Symbol.NOT_APPLICABLE, row.count(), row.figureId())));
            group.pairs().forEach(row -> table.row(columns.row(group.key(), "pairs", row.suspectEthnicity(),
                    row.victimEthnicity(), row.count(), row.figureId())));
        }
        return table.note("stage", ethnicity.stage()).note("scheme", ethnicity.scheme())
                .note("level", ethnicity.level()).note("from", ethnicity.from()).note("to", ethnicity.to());
    }

    @Override
    public Map<String, FigureCell> cells(Ethnicity ethnicity) {
        Map<String, FigureCell> cells = new LinkedHashMap<>();
        for (Group group : ethnicity.asGroups()) {
            group.suspects().forEach(row -> cells.put(row.figureId(), FigureCell.of(group.key(), "suspectEthnicity",
                    row.suspectEthnicity(), row.count())));
            group.pairs().forEach(row -> {
                Map<String, Object> labels = new LinkedHashMap<>(group.key());
                labels.put("suspectEthnicity", row.suspectEthnicity());
                labels.put("victimEthnicity", row.victimEthnicity());
                cells.put(row.figureId(), new FigureCell(labels, row.count(), Map.of()));
            });
        }
        return cells;
    }
}
