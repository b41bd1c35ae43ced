package org.casetrail.projections.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.figures.EthnicityScheme;
import org.casetrail.projections.figures.NationalityFigure;

/** SEMANTICS 6.6: suspects by nationality, UK / non-UK / not recorded, or by code. */
final class NationalityDeclaration extends DescribedFigure<NationalityDeclaration.Nationality> {

    record Suspects(String nationality, long count, String figureId) {
    }

    record Group(Map<String, Object> key, List<Suspects> suspects) {
    }

    /** Without groupBy, {@code suspects} is at the top; with it, in each of {@code groups}. */
    record Nationality(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, String stage,
                       String level, LocalDate from, LocalDate to,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Suspects> suspects,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Group> groups) implements FigureAnswer {

        /** The answer's groups, grouped or not: without groupBy, its one group with the key {@code {}}. */
        List<Group> asGroups() {
            return groups != null ? groups : List.of(new Group(Map.of(), suspects));
        }
    }

    NationalityDeclaration() {
        super("nationality", "Suspects by nationality (SEMANTICS 6.6)",
                "UK (GBR), Non-UK or Not recorded, or by ISO 3166-1 alpha-3 code with level=code");
    }

    @Override
    public List<FigureParameter> parameters() {
        return List.of(
                FigureParameter.choice("stage", "stage reached directly (default RECORDED)", false, Stage.class),
                FigureParameter.choice("level", "group (default) or code", false, List.of("group", "code")));
    }

    @Override
    public Nationality answer(FigureQuery query) {
        Stage stage = query.choice("stage", Stage.class, Stage.RECORDED);
        EthnicityScheme.Level level = query.choice("level", EthnicityScheme.Level.class,
                EthnicityScheme.Level.GROUP);
        query.canonical("stage", stage.name());
        query.canonical("level", level.name());
        var answered = query.fromModelOrLedger(query.asOf(),
                models -> Optional.of(models.nationality(query.scope(), stage, level)),
                new NationalityFigure(query.scope(), stage, level, query.tracer()));
        var computed = answered.computed();
        FigureQuery.CellIds ids = query.record(computed.position());
        List<Group> groups = computed.result().groups().stream()
                .map(group -> new Group(group.key().values(), group.suspects().stream()
                        .map(row -> new Suspects(row.nationality(), row.count(),
                                ids.cell(NationalityFigure.cell(group.key(), row.nationality()))))
                        .toList()))
                .toList();
        boolean grouped = !query.scope().groupBy().isEmpty();
        return new Nationality(query.definition(), computed.asOf(), computed.position(), answered.from(),
                stage.name(), level.name().toLowerCase(), query.scope().from(), query.scope().to(),
                grouped ? null : groups.isEmpty() ? List.of() : groups.get(0).suspects(), grouped ? groups : null);
    }

    @Override
    public FigureTable.Builder table(Nationality nationality) {
        List<Group> groups = nationality.asGroups();
        GroupColumns columns = GroupColumns.of(groups, Group::key);
        FigureTable.Builder table = FigureTable.builder("Nationality", columns.then("nationality", "count",
                "figureId"));
        groups.forEach(group -> group.suspects().forEach(row -> table.row(columns.row(group.key(),
                row.nationality(), row.count(), row.figureId()))));
        return table.note("stage", nationality.stage()).note("level", nationality.level())
                .note("from", nationality.from()).note("to", nationality.to());
    }

    @Override
    public Map<String, FigureCell> cells(Nationality nationality) {
        Map<String, FigureCell> cells = new LinkedHashMap<>();
        nationality.asGroups().forEach(group -> group.suspects().forEach(row -> cells.put(row.figureId(),
                FigureCell.of(group.key(), "nationality", row.nationality(), row.count()))));
        return cells;
    }
}
