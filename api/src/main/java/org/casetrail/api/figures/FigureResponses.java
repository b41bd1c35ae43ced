package org.casetrail.api.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.casetrail.core.definition.Definition;

/** The JSON answers of the figure endpoints (SEMANTICS section 10). */
public final class FigureResponses {

    private FigureResponses() {
    }

    public record DefinitionRef(String id, int version) {
        static DefinitionRef of(Definition definition) {
            return new DefinitionRef(definition.id(), definition.version());
        }
    }

    public record FunnelStage(String stage, long count, long implied, BigDecimal rateFromPrevious,
                              BigDecimal rateFromEntry, String figureId) {
    }

    public record FunnelGroup(Map<String, Object> key, List<FunnelStage> stages) {
    }

    public record Funnel(DefinitionRef definition, LocalDate asOf, long position, String entry, String unit,
                         LocalDate from, LocalDate to, List<FunnelGroup> groups) {
    }

    public record PeriodCount(String stage, long count, String figureId) {
    }

    public record PeriodGroup(Map<String, Object> key, List<PeriodCount> counts) {
    }

    public record PeriodCounts(DefinitionRef definition, LocalDate asOf, long position, String unit, LocalDate from,
                               LocalDate to, List<PeriodGroup> groups) {
    }

    public record LagGroup(Map<String, Object> key, long population, long completed, long censored, long competing,
                           long undated, long invalid, Long p25, Long p50, Long p75, Long p90, BigDecimal mean,
                           Long kaplanMeierMedian, Map<String, BigDecimal> cumulativeIncidence, String figureId) {
    }

    public record Lags(DefinitionRef definition, LocalDate asOf, long position, String start, String end,
                       LocalDate from, LocalDate to, List<LagGroup> groups) {
    }

    public record ColdCaseGroup(Map<String, Object> key, long reopened, Long medianDaysClosed, long arrestedAfter,
                                long chargedAfter, long convictedAfter, long reclosed, String figureId) {
    }

    public record ColdCases(DefinitionRef definition, LocalDate asOf, long position, String operation,
                            LocalDate from, LocalDate to, List<ColdCaseGroup> groups) {
    }

    public record SuspectEthnicity(String suspectEthnicity, long count, String figureId) {
    }

    public record PairEthnicity(String suspectEthnicity, String victimEthnicity, long count, String figureId) {
    }

    public record Ethnicity(DefinitionRef definition, LocalDate asOf, long position, String stage, String scheme,
                            String level, LocalDate from, LocalDate to, List<SuspectEthnicity> suspects,
                            List<PairEthnicity> pairs) {
    }

    public record CompletenessGroup(Map<String, Object> key, long selfDefined, long officerOnly, long notRecorded,
                                    long total, BigDecimal shareRecorded, String figureId) {
    }

    public record Completeness(DefinitionRef definition, LocalDate asOf, long position, String stage,
                               LocalDate from, LocalDate to, List<CompletenessGroup> groups) {
    }
}
