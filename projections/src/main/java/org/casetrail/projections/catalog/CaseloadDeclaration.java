package org.casetrail.projections.catalog;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casetrail.core.InvalidParameterException;
import org.casetrail.projections.figures.CaseloadFigure;
import org.casetrail.projections.figures.Dimension;

/** SEMANTICS 6.7: the caseload at one date; no window, and no grouping by year. */
final class CaseloadDeclaration extends DescribedFigure<CaseloadDeclaration.Caseload> {

    record Group(Map<String, Object> key, long liveCases, long suspectsUnderInvestigation,
                 long suspectsAwaitingOutcome, long victimsInLiveCases, String figureId) {
    }

    record Caseload(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, LocalDate date,
                    List<Group> groups) implements FigureAnswer {
    }

    private static final List<String> WINDOW = List.of("from", "to");

    CaseloadDeclaration() {
        super("caseload", "Caseload at a date (SEMANTICS 6.7)", "Live cases, suspects under investigation, suspects "
                + "awaiting an outcome and victims in live cases on one date; groupBy force, region or context; from "
                + "and to are not taken");
    }

    @Override
    public List<FigureParameter> parameters() {
        return List.of(FigureParameter.optional("date", "the day (ISO date); default asOf, else today"));
    }

    /** A stock at one date: no window. */
    @Override
    public List<FigureParameter> commonParameters() {
        return FigureParameter.COMMON.stream().filter(parameter -> !WINDOW.contains(parameter.name())).toList();
    }

    @Override
    public Caseload answer(FigureQuery query) {
        for (String window : WINDOW) {
            if (query.given(window)) {
                throw new InvalidParameterException(window, "the caseload is a stock at one date: give date, "
                        + "not " + window);
            }
        }
        if (query.scope().groupBy().contains(Dimension.YEAR)) {
            throw new InvalidParameterException("groupBy", "the caseload groups by force, region or context; it is "
                    + "at one date, so not by year");
        }
        LocalDate date = Optional.ofNullable(query.date("date"))
                .orElse(query.asOf() != null ? query.asOf() : query.today());
        query.canonical("date", date);
        var answered = query.fromModelOrLedger(query.asOf(),
                models -> Optional.of(models.caseload(query.scope(), date)),
                new CaseloadFigure(query.scope(), date, query.tracer()));
        var computed = answered.computed();
        FigureQuery.CellIds ids = query.record(computed.position());
        List<Group> groups = computed.result().groups().stream()
                .map(group -> new Group(group.key().values(), group.liveCases(), group.suspectsUnderInvestigation(),
                        group.suspectsAwaitingOutcome(), group.victimsInLiveCases(),
                        ids.cell(CaseloadFigure.cell(group.key()))))
                .toList();
        return new Caseload(query.definition(), computed.asOf(), computed.position(), answered.from(), date, groups);
    }

    @Override
    public FigureTable.Builder table(Caseload caseload) {
        GroupColumns columns = GroupColumns.of(caseload.groups(), Group::key);
        FigureTable.Builder table = FigureTable.builder("Caseload", columns.then("liveCases",
                "suspectsUnderInvestigation", "suspectsAwaitingOutcome", "victimsInLiveCases", "figureId"));
        caseload.groups().forEach(group -> table.row(columns.row(group.key(), group.liveCases(),
                group.suspectsUnderInvestigation(), group.suspectsAwaitingOutcome(), group.victimsInLiveCases(),
                group.figureId())));
        return table.note("date", caseload.date());
    }

    /** A cell's members are its live cases, its suspects of both kinds and its victims, each by role. */
    @Override
    public Map<String, FigureCell> cells(Caseload caseload) {
        Map<String, FigureCell> cells = new LinkedHashMap<>();
        caseload.groups().forEach(group -> cells.put(group.figureId(), FigureCell.of(group.key(),
                group.liveCases() + group.suspectsUnderInvestigation() + group.suspectsAwaitingOutcome()
                        + group.victimsInLiveCases())));
        return cells;
    }

    /** The caseload's date defaults to today: a publication fixes it. */
    @Override
    public Map<String, String> frozenByPublication(Map<String, String> parameters, LocalDate today) {
        return parameters.containsKey("asOf") || parameters.containsKey("date") ? Map.of()
                : Map.of("date", today.toString());
    }
}
