package org.casetrail.api.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.casetrail.core.definition.Definition;

/**
 * The JSON answers of the figure endpoints (SEMANTICS section 10). Each says what it was computed from:
 * {@link #MODEL}, a definition's maintained current-state model, or {@link #LEDGER}, the effective view of the ledger.
 */
public final class FigureResponses {

    public static final String MODEL = "model";
    public static final String LEDGER = "ledger";

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

    public record Funnel(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, String entry,
                         String unit, LocalDate from, LocalDate to, List<FunnelGroup> groups) {
    }

    public record PeriodCount(String stage, long count, String figureId) {
    }

    public record PeriodGroup(Map<String, Object> key, List<PeriodCount> counts) {
    }

    public record PeriodCounts(DefinitionRef definition, LocalDate asOf, long position, String computedFrom,
                               String unit, LocalDate from, LocalDate to, List<PeriodGroup> groups) {
    }

    public record LagGroup(Map<String, Object> key, long population, long completed, long censored, long competing,
                           long undated, long invalid, Long p25, Long p50, Long p75, Long p90, BigDecimal mean,
                           Long kaplanMeierMedian, Map<String, BigDecimal> cumulativeIncidence,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<CurvePoint> curve, String figureId) {
    }

    /** One step of a lag group's curves ({@code curve=true}, SEMANTICS 6.4). */
    public record CurvePoint(long t, long atRisk, long completed, long competing, long censored, BigDecimal survival,
                             BigDecimal cumulativeIncidence) {
    }

    public record Lags(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, String start,
                       String end, LocalDate from, LocalDate to, List<LagGroup> groups) {
    }

    public record ColdCaseGroup(Map<String, Object> key, long reopened, Long medianDaysClosed, long arrestedAfter,
                                long chargedAfter, long convictedAfter, long reclosed, String figureId) {
    }

    public record ColdCases(DefinitionRef definition, LocalDate asOf, long position, String computedFrom,
                            String operation, LocalDate from, LocalDate to, List<ColdCaseGroup> groups) {
    }

    public record SuspectEthnicity(String suspectEthnicity, long count, String figureId) {
    }

    public record PairEthnicity(String suspectEthnicity, String victimEthnicity, long count, String figureId) {
    }

    /** Without groupBy, {@code suspects} and {@code pairs} are at the top; with it, in each of {@code groups}. */
    public record Ethnicity(DefinitionRef definition, LocalDate asOf, long position, String computedFrom,
                            String stage, String scheme, String level, LocalDate from, LocalDate to,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<SuspectEthnicity> suspects,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<PairEthnicity> pairs,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<EthnicityGroup> groups) {

        /** The answer's groups, grouped or not: without groupBy, its one group with the key {@code {}}. */
        public List<EthnicityGroup> asGroups() {
            return groups != null ? groups : List.of(new EthnicityGroup(Map.of(), suspects, pairs));
        }
    }

    public record EthnicityGroup(Map<String, Object> key, List<SuspectEthnicity> suspects,
                                 List<PairEthnicity> pairs) {
    }

    public record SuspectNationality(String nationality, long count, String figureId) {
    }

    public record NationalityGroup(Map<String, Object> key, List<SuspectNationality> suspects) {
    }

    /** Without groupBy, {@code suspects} is at the top; with it, in each of {@code groups}. */
    public record Nationality(DefinitionRef definition, LocalDate asOf, long position, String computedFrom,
                              String stage, String level, LocalDate from, LocalDate to,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<SuspectNationality> suspects,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<NationalityGroup> groups) {

        /** The answer's groups, grouped or not: without groupBy, its one group with the key {@code {}}. */
        public List<NationalityGroup> asGroups() {
            return groups != null ? groups : List.of(new NationalityGroup(Map.of(), suspects));
        }
    }

    public record CaseloadGroup(Map<String, Object> key, long liveCases, long suspectsUnderInvestigation,
                                long suspectsAwaitingOutcome, long victimsInLiveCases, String figureId) {
    }

    public record Caseload(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, LocalDate date,
                           List<CaseloadGroup> groups) {
    }

    public record CompletenessGroup(Map<String, Object> key, long selfDefined, long officerOnly, long notRecorded,
                                    long total, BigDecimal shareRecorded, String figureId) {
    }

    public record Completeness(DefinitionRef definition, LocalDate asOf, long position, String computedFrom,
                               String stage, LocalDate from, LocalDate to, List<CompletenessGroup> groups) {
    }
}
