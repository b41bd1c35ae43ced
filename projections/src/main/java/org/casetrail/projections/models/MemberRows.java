package org.casetrail.projections.models;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.core.reference.PoliceForce;
import org.casetrail.core.reference.ReferenceData;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.EffectiveEvent;
import org.casetrail.projections.figures.CaseloadFigure;
import org.casetrail.projections.figures.ColdCasesFigure;
import org.casetrail.projections.figures.EthnicityScheme;
import org.casetrail.projections.figures.LagsFigure;
import org.casetrail.projections.figures.NationalityFigure;
import org.casetrail.projections.figures.StageReach;
import org.casetrail.projections.figures.StageReading;

/** What a definition's current-state model holds of one case: nothing if it does not qualify. */
record MemberRows(Definition definition, String caseRef, CaseRow caseRow, List<SuspectRow> suspects,
                  List<VictimRow> victims, List<Reopenings.Row> reopenings) {

    /**
     * The case's place and dates, its caseload's changes (SEMANTICS 6.7) by date, and what it adds to the period
     * counts (SEMANTICS 6.3) of each whole period ({@link PeriodCountCells#ofCase}).
     */
    public record CaseRow(String forceCode, String region, String context, LocalDate openedOn,
                          LocalDate offenceFrom, SortedMap<LocalDate, long[]> caseloadChanges,
                          List<long[]> periodCounts) {
    }

    public record SuspectRow(String suspectRef, LocalDate arrestedOn, LocalDate chargedOn, boolean chargedImplied,
                             LocalDate prosecutedOn, boolean prosecutedImplied, LocalDate convictedOn,
                             EthnicityScheme.Recorded ethnicity, String nationality, List<LocalDate> exits) {
    }

    /** A victim of the case (SEMANTICS 6.6 pairs), with the codes its record gives. */
    public record VictimRow(String victimRef, EthnicityScheme.Recorded ethnicity) {
    }

    /** The rows of the case for the definition, read with the same stage reading as every figure. */
    public static MemberRows of(Definition definition, EffectiveCase c) {
        StageReading reading = new StageReading(definition.rules());
        if (!reading.qualifies(c)) {
            return none(definition, c.caseRef());
        }
        List<SuspectRow> suspects = new ArrayList<>();
        for (String suspect : c.suspectRefs()) {
            Map<Stage, StageReach> stages = reading.stages(c, suspect);
            Optional<RowFields> person = c.identification(suspect).map(EffectiveEvent::fields);
            suspects.add(new SuspectRow(suspect, stages.get(Stage.ARRESTED).date(), stages.get(Stage.CHARGED).date(),
                    stages.get(Stage.CHARGED).impliedOnly(), stages.get(Stage.PROSECUTED).date(),
                    stages.get(Stage.PROSECUTED).impliedOnly(), stages.get(Stage.CONVICTED).date(),
                    EthnicityScheme.Recorded.of(person.orElse(null)), NationalityFigure.code(person.map(RowFields::nationality).orElse(null)),
                    LagsFigure.exits(c, suspect).stream().map(EffectiveEvent::occurredOn).sorted().toList()));
        }
        List<VictimRow> victims = c.victims().stream().map(victim -> new VictimRow(victim.fields().victimRef(),
                EthnicityScheme.Recorded.of(victim.fields()))).toList();
        String region = ReferenceData.standard().force(c.forceCode()).map(PoliceForce::region).orElse(null);
        return new MemberRows(definition, c.caseRef(),
                new CaseRow(c.forceCode(), region, c.context().name(), c.openedOn(), c.offenceFrom(),
                        CaseloadFigure.changes(c), PeriodCountCells.ofCase(reading, c)),
                suspects, victims, Reopenings.rows(ColdCasesFigure.reopenings(c, reading)));
    }

    /** The case counts nowhere in the definition (it does not qualify, or its opening was retracted). */
    public static MemberRows none(Definition definition, String caseRef) {
        return new MemberRows(definition, caseRef, null, List.of(), List.of(), List.of());
    }
}
