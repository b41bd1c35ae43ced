package org.casetrail.api.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.casetrail.api.figures.FigureResponses;
import org.casetrail.core.definition.Definition;

/** Lays out each figure's answer as a table with its notes. */
public final class FigureTables {

    private FigureTables() {
    }

    public static FigureTable funnel(FigureResponses.Funnel funnel, Definition definition) {
        List<String> dims = dimensions(funnel.groups().stream().map(FigureResponses.FunnelGroup::key).toList());
        FigureTable.Builder table = FigureTable.builder("Funnel", columns(dims, "stage", "count", "implied",
                "rateFromPrevious", "rateFromEntry", "figureId"));
        for (FigureResponses.FunnelGroup group : funnel.groups()) {
            boolean entry = true;
            for (FigureResponses.FunnelStage stage : group.stages()) {
                List<Object> row = keyCells(dims, group.key());
                row.addAll(Arrays.asList(stage.stage(), stage.count(), stage.implied(),
                        entry ? FigureTable.Symbol.NOT_APPLICABLE : stage.rateFromPrevious(), stage.rateFromEntry(),
                        stage.figureId()));
                table.row(row);
                entry = false;
            }
        }
        return notes(table, definition, funnel.asOf(), funnel.position())
                .note("entry", funnel.entry()).note("unit", funnel.unit())
                .note("from", funnel.from()).note("to", funnel.to()).build();
    }

    public static FigureTable periodCounts(FigureResponses.PeriodCounts counts, Definition definition) {
        List<String> dims = dimensions(counts.groups().stream().map(FigureResponses.PeriodGroup::key).toList());
        FigureTable.Builder table = FigureTable.builder("Period counts", columns(dims, "stage", "count", "figureId"));
        for (FigureResponses.PeriodGroup group : counts.groups()) {
            for (FigureResponses.PeriodCount count : group.counts()) {
                List<Object> row = keyCells(dims, group.key());
                row.addAll(Arrays.asList(count.stage(), count.count(), count.figureId()));
                table.row(row);
            }
        }
        return notes(table, definition, counts.asOf(), counts.position()).note("unit", counts.unit())
                .note("from", counts.from()).note("to", counts.to()).build();
    }

    public static FigureTable lags(FigureResponses.Lags lags, Definition definition) {
        List<String> dims = dimensions(lags.groups().stream().map(FigureResponses.LagGroup::key).toList());
        FigureTable.Builder table = FigureTable.builder("Lags", columns(dims, "population", "completed", "censored",
                "competing", "undated", "invalid", "p25", "p50", "p75", "p90", "mean", "kaplanMeierMedian",
                "cumulativeIncidence30", "cumulativeIncidence90", "cumulativeIncidence180", "cumulativeIncidence365",
                "figureId"));
        for (FigureResponses.LagGroup group : lags.groups()) {
            List<Object> row = keyCells(dims, group.key());
            row.addAll(Arrays.asList(group.population(), group.completed(), group.censored(),
                    group.competing(), group.undated(), group.invalid(), group.p25(), group.p50(), group.p75(),
                    group.p90(), group.mean(), group.kaplanMeierMedian(), group.cumulativeIncidence().get("30"),
                    group.cumulativeIncidence().get("90"), group.cumulativeIncidence().get("180"),
                    group.cumulativeIncidence().get("365"), group.figureId()));
            table.row(row);
        }
        return notes(table, definition, lags.asOf(), lags.position()).note("start", lags.start())
                .note("end", lags.end()).note("from", lags.from()).note("to", lags.to())
                .note("censoring date", lags.asOf()).build();
    }

    public static FigureTable coldCases(FigureResponses.ColdCases cold, Definition definition) {
        List<String> dims = dimensions(cold.groups().stream().map(FigureResponses.ColdCaseGroup::key).toList());
        FigureTable.Builder table = FigureTable.builder("Cold cases", columns(dims, "reopened", "medianDaysClosed",
                "arrestedAfter", "chargedAfter", "convictedAfter", "reclosed", "figureId"));
        for (FigureResponses.ColdCaseGroup group : cold.groups()) {
            List<Object> row = keyCells(dims, group.key());
            row.addAll(Arrays.asList(group.reopened(), group.medianDaysClosed(), group.arrestedAfter(),
                    group.chargedAfter(), group.convictedAfter(), group.reclosed(), group.figureId()));
            table.row(row);
        }
        return notes(table, definition, cold.asOf(), cold.position()).note("operation", cold.operation())
                .note("from", cold.from()).note("to", cold.to()).build();
    }

    public static FigureTable ethnicity(FigureResponses.Ethnicity ethnicity, Definition definition) {
        List<FigureResponses.EthnicityGroup> groups = ethnicity.asGroups();
        List<String> dims = dimensions(groups.stream().map(FigureResponses.EthnicityGroup::key).toList());
        FigureTable.Builder table = FigureTable.builder("Ethnicity", columns(dims, "breakdown", "suspectEthnicity",
                "victimEthnicity", "count", "figureId"));
        for (FigureResponses.EthnicityGroup group : groups) {
            for (FigureResponses.SuspectEthnicity row : group.suspects()) {
                List<Object> cells = keyCells(dims, group.key());
                cells.addAll(Arrays.asList("suspects", row.suspectEthnicity(),
                        FigureTable.Symbol.NOT_APPLICABLE, row.count(), row.figureId()));
                table.row(cells);
            }
            for (FigureResponses.PairEthnicity row : group.pairs()) {
                List<Object> cells = keyCells(dims, group.key());
                cells.addAll(Arrays.asList("pairs", row.suspectEthnicity(), row.victimEthnicity(),
                        row.count(), row.figureId()));
                table.row(cells);
            }
        }
        return notes(table, definition, ethnicity.asOf(), ethnicity.position()).note("stage", ethnicity.stage())
                .note("scheme", ethnicity.scheme()).note("level", ethnicity.level())
                .note("from", ethnicity.from()).note("to", ethnicity.to()).build();
    }

    public static FigureTable nationality(FigureResponses.Nationality nationality, Definition definition) {
        List<FigureResponses.NationalityGroup> groups = nationality.asGroups();
        List<String> dims = dimensions(groups.stream().map(FigureResponses.NationalityGroup::key).toList());
        FigureTable.Builder table = FigureTable.builder("Nationality", columns(dims, "nationality", "count",
                "figureId"));
        for (FigureResponses.NationalityGroup group : groups) {
            for (FigureResponses.SuspectNationality row : group.suspects()) {
                List<Object> cells = keyCells(dims, group.key());
                cells.addAll(Arrays.asList(row.nationality(), row.count(), row.figureId()));
                table.row(cells);
            }
        }
        return notes(table, definition, nationality.asOf(), nationality.position())
                .note("stage", nationality.stage()).note("level", nationality.level())
                .note("from", nationality.from()).note("to", nationality.to()).build();
    }

    public static FigureTable caseload(FigureResponses.Caseload caseload, Definition definition) {
        List<String> dims = dimensions(caseload.groups().stream().map(FigureResponses.CaseloadGroup::key).toList());
        FigureTable.Builder table = FigureTable.builder("Caseload", columns(dims, "liveCases",
                "suspectsUnderInvestigation", "suspectsAwaitingOutcome", "victimsInLiveCases", "figureId"));
        for (FigureResponses.CaseloadGroup group : caseload.groups()) {
            List<Object> row = keyCells(dims, group.key());
            row.addAll(Arrays.asList(group.liveCases(), group.suspectsUnderInvestigation(),
                    group.suspectsAwaitingOutcome(), group.victimsInLiveCases(), group.figureId()));
            table.row(row);
        }
        return notes(table, definition, caseload.asOf(), caseload.position()).note("date", caseload.date())
                .build();
    }

    public static FigureTable completeness(FigureResponses.Completeness completeness, Definition definition) {
        List<String> dims = dimensions(completeness.groups().stream()
                .map(FigureResponses.CompletenessGroup::key).toList());
        FigureTable.Builder table = FigureTable.builder("Ethnicity completeness", columns(dims, "selfDefined",
                "officerOnly", "notRecorded", "total", "shareRecorded", "figureId"));
        for (FigureResponses.CompletenessGroup group : completeness.groups()) {
            List<Object> row = keyCells(dims, group.key());
            row.addAll(Arrays.asList(group.selfDefined(), group.officerOnly(), group.notRecorded(),
                    group.total(), group.shareRecorded(), group.figureId()));
            table.row(row);
        }
        return notes(table, definition, completeness.asOf(), completeness.position())
                .note("stage", completeness.stage()).note("from", completeness.from())
                .note("to", completeness.to()).build();
    }

    private static FigureTable.Builder notes(FigureTable.Builder table, Definition definition, Object asOf,
                                             long position) {
        Definition.Rules rules = definition.rules();
        return table.note("definition", definition.reference() + " (" + definition.label() + ")")
                .note("definition description", definition.description())
                .note("rules", "minSuspects " + rules.minSuspects() + "; contexts "
                        + (rules.contexts().isEmpty() ? "all" : rules.contexts().stream().sorted().toList())
                        + "; maxVictimAge " + (rules.maxVictimAge() == null ? "unset" : rules.maxVictimAge())
                        + "; arrestIncludesInterview " + rules.arrestIncludesInterview()
                        + "; excludeQuashedConvictions " + rules.excludeQuashedConvictions())
                .note("asOf", asOf == null ? "no limit" : asOf)
                .note("position", position)
                .note("produced", Instant.now())
                .note("symbols", "[c] suppressed, [x] not available, [z] not applicable");
    }

    private static List<String> dimensions(List<Map<String, Object>> keys) {
        return keys.isEmpty() ? List.of() : List.copyOf(keys.get(0).keySet());
    }

    private static List<String> columns(List<String> dims, String... figureColumns) {
        List<String> columns = new ArrayList<>(dims);
        columns.addAll(List.of(figureColumns));
        return columns;
    }

    private static List<Object> keyCells(List<String> dims, Map<String, Object> key) {
        List<Object> cells = new ArrayList<>();
        dims.forEach(dimension -> cells.add(key.get(dimension)));
        return cells;
    }
}
