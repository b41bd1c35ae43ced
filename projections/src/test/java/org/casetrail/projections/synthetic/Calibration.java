package org.casetrail.projections.synthetic;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casetrail.core.caseledger.events.AmendmentEvent;
import org.casetrail.core.caseledger.events.CaseEvent;
import org.casetrail.core.csv.PipelineCsvReader;
import org.casetrail.core.csv.PipelineRow;
import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.core.reference.ReferenceData;
import org.casetrail.core.synthetic.SyntheticHistory;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.EffectiveEvent;
import org.casetrail.projections.effective.EffectiveView;
import org.casetrail.projections.effective.LedgerEvent;
import org.casetrail.projections.figures.StageReading;

/**
 * The headline figures of a synthetic history, measured the way Casetrail computes figures (effective view, the
 * group-based definition's stage reading), for comparison with the published figures in DOMAIN.md.
 */
public final class Calibration {

    /** The taskforce's first year, from April 2023. */
    static final LocalDate TASKFORCE_FROM = LocalDate.of(2023, 4, 1);
    static final LocalDate TASKFORCE_TO = LocalDate.of(2024, 3, 31);

    public record Headlines(long groupBasedCases2023, double suspectsEthnicityNotRecorded,
                            double suspectsEthnicityRecorded, long taskforceArrests, long taskforceVictims,
                            double intraFamilialShare2023, double juvenileShareOfKnownAges2023,
                            long beaconportReopened, long beaconportForces, double nationalityRecorded2025,
                            double nonUkShareGroupCse) {
    }

    private Calibration() {
    }

    public static Headlines measure(long seed, int cases) {
        StringWriter csv = new StringWriter();
        new SyntheticHistory(seed, cases, "CAL").write(csv);
        StageReading groupBased = new StageReading(Definition.GROUP_BASED.rules());
        Counter counter = new Counter(groupBased);
        Map<String, List<LedgerEvent>> current = new LinkedHashMap<>();
        long position = 0;
        try (PipelineCsvReader reader = new PipelineCsvReader(new StringReader(csv.toString()), "CAL",
                ReferenceData.standard())) {
            String caseRef = null;
            List<LedgerEvent> events = new ArrayList<>();
            for (Optional<PipelineRow> row = reader.next(); row.isPresent(); row = reader.next()) {
                CaseEvent event = row.get().event();
                if (!event.caseRef().equals(caseRef)) {
                    counter.visit(caseRef, events);
                    caseRef = event.caseRef();
                    events = new ArrayList<>();
                }
                events.add(new LedgerEvent(++position, "e" + position, event.source(), event.caseRef(), event.type(),
                        event.reportedOn(), event instanceof AmendmentEvent amendment ? amendment.correctedRowId()
                        : null, event.fields()));
            }
            counter.visit(caseRef, events);
        }
        current.clear();
        return counter.headlines();
    }

    private static final class Counter {
        private final StageReading groupBased;
        private long groupBased2023;
        private long intraFamilial2023;
        private long suspects;
        private long recorded;
        private long arrests;
        private long victims;
        private long knownAges2023;
        private long juvenile2023;
        private long reopened;
        private final Set<String> reopeningForces = new HashSet<>();
        private long identified2025;
        private long nationality2025;
        private long groupCseNationalities;
        private long groupCseNonUk;

        Counter(StageReading groupBased) {
            this.groupBased = groupBased;
        }

        void visit(String caseRef, List<LedgerEvent> events) {
            if (caseRef == null) {
                return;
            }
            Optional<EffectiveCase> found = EffectiveView.of(caseRef, events, EffectiveView.Cut.HEAD);
            if (found.isEmpty()) {
                return;
            }
            EffectiveCase c = found.get();
            c.events(EventType.CASE_REOPENED).stream()
                    .filter(event -> "BEACONPORT".equals(event.fields().operation())).findFirst()
                    .ifPresent(event -> {
                        reopened++;
                        reopeningForces.add(c.forceCode());
                    });
            for (String suspect : c.suspectRefs()) {
                Optional<String> nationality = c.identification(suspect)
                        .filter(event -> event.occurredOn().getYear() >= 2023)
                        .map(event -> event.fields().nationality());
                if (c.context() == CaseContext.GROUP_CSE && nationality.isPresent()) {
                    groupCseNationalities++;
                    groupCseNonUk += nationality.get().equals("GBR") ? 0 : 1;
                }
                Optional<EffectiveEvent> identifiedIn2025 = c.identification(suspect)
                        .filter(event -> event.occurredOn().getYear() == 2025);
                if (identifiedIn2025.isPresent()) {
                    identified2025++;
                    nationality2025 += identifiedIn2025.get().fields().nationality() != null ? 1 : 0;
                }
            }
            if (!groupBased.qualifies(c)) {
                return;
            }
            boolean in2023 = c.openedOn().getYear() == 2023;
            if (in2023) {
                groupBased2023++;
                intraFamilial2023 += c.context() == CaseContext.INTRA_FAMILIAL ? 1 : 0;
            }
            for (String suspect : c.suspectRefs()) {
                suspects++;
                Optional<EffectiveEvent> identified = c.identification(suspect);
                boolean hasEthnicity = identified.map(event -> recordedCode(event.fields().ethnicity(), "NS")
                        || recordedCode(event.fields().officerEthnicity(), "IC9")).orElse(false);
                recorded += hasEthnicity ? 1 : 0;
                LocalDate arrested = groupBased.reach(c, suspect, Stage.ARRESTED).date();
                if (arrested != null && !arrested.isBefore(TASKFORCE_FROM) && !arrested.isAfter(TASKFORCE_TO)) {
                    arrests++;
                }
                Integer age = identified.map(event -> event.fields().age()).orElse(null);
                if (in2023 && age != null) {
                    knownAges2023++;
                    juvenile2023 += age >= 10 && age <= 17 ? 1 : 0;
                }
            }
            for (EffectiveEvent victim : c.victims()) {
                LocalDate day = victim.occurredOn();
                if (!day.isBefore(TASKFORCE_FROM) && !day.isAfter(TASKFORCE_TO)) {
                    victims++;
                }
            }
        }

        private static boolean recordedCode(String code, String notRecorded) {
            return code != null && !code.equals(notRecorded);
        }

        Headlines headlines() {
            return new Headlines(groupBased2023, 1 - (double) recorded / suspects, (double) recorded / suspects,
                    arrests, victims, (double) intraFamilial2023 / groupBased2023,
                    (double) juvenile2023 / knownAges2023, reopened, reopeningForces.size(),
                    (double) nationality2025 / identified2025, (double) groupCseNonUk / groupCseNationalities);
        }
    }
}
