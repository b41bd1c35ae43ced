package org.casetrail.projections.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.EffectiveEvent;

/**
 * How a definition reads the pipeline (SEMANTICS 5 and 6.1): which cases qualify, and which stages each suspect
 * reached, directly or by implication.
 */
public final class StageReading {

    private static final Set<EventType> IMPLY_CHARGED = EnumSet.of(EventType.PROSECUTED, EventType.CONVICTED,
            EventType.ACQUITTED, EventType.DISCONTINUED);
    private static final Set<EventType> IMPLY_PROSECUTED = EnumSet.of(EventType.CONVICTED, EventType.ACQUITTED);

    private final Definition.Rules rules;

    public StageReading(Definition.Rules rules) {
        this.rules = rules;
    }

    public Definition.Rules rules() {
        return rules;
    }

    /** The definition's case rules: suspects, contexts and victims' ages. */
    public boolean qualifies(EffectiveCase c) {
        if (c.suspectRefs().size() < rules.minSuspects()) {
            return false;
        }
        if (!rules.contexts().isEmpty() && !rules.contexts().contains(c.context())) {
            return false;
        }
        if (rules.maxVictimAge() != null) {
            return c.victims().stream().map(victim -> victim.fields().age())
                    .anyMatch(age -> age != null && age <= rules.maxVictimAge());
        }
        return true;
    }

    /** Every stage of the suspect, RECORDED to CONVICTED. */
    public Map<Stage, StageReach> stages(EffectiveCase c, String suspectRef) {
        Map<Stage, StageReach> stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            stages.put(stage, reach(c, suspectRef, stage));
        }
        return stages;
    }

    public StageReach reach(EffectiveCase c, String suspectRef, Stage stage) {
        List<EffectiveEvent> events = c.suspectEvents(suspectRef);
        return switch (stage) {
            case RECORDED -> new StageReach(stage, List.of(c.opened()), List.of());
            case ARRESTED -> new StageReach(stage, events.stream().filter(this::isArrest).toList(), List.of());
            case CHARGED -> new StageReach(stage, ofType(events, EventType.CHARGED),
                    events.stream().filter(event -> IMPLY_CHARGED.contains(event.type())).toList());
            case PROSECUTED -> new StageReach(stage, ofType(events, EventType.PROSECUTED),
                    events.stream().filter(event -> IMPLY_PROSECUTED.contains(event.type())).toList());
            case CONVICTED -> new StageReach(stage, convictions(events), List.of());
        };
    }

    /**
     * A suspect who reached a stage directly on a day within a figure's range, with its SUSPECT_IDENTIFIED event (its
     * attributes), and the events that put it there: the direct ones and the identification.
     */
    public record SuspectAtStage(String suspectRef, LocalDate reachedOn, Optional<EffectiveEvent> identification,
                                 List<EffectiveEvent> evidence) {
    }

    /** The case's suspects who reached {@code stage} directly within the scope's range (ethnicity, nationality). */
    public List<SuspectAtStage> suspectsAt(EffectiveCase c, Stage stage, FigureScope scope) {
        List<SuspectAtStage> found = new ArrayList<>();
        for (String suspect : c.suspectRefs()) {
            StageReach reach = reach(c, suspect, stage);
            if (scope.inRange(reach.date())) {
                Optional<EffectiveEvent> identification = c.identification(suspect);
                List<EffectiveEvent> evidence = new ArrayList<>(reach.direct());
                identification.ifPresent(evidence::add);
                found.add(new SuspectAtStage(suspect, reach.date(), identification, List.copyOf(evidence)));
            }
        }
        return found;
    }

    /** The events that reach {@code stage} directly, without implication (period counts, cold cases, ethnicity). */
    public List<EffectiveEvent> directEvents(EffectiveCase c, String suspectRef, Stage stage) {
        return reach(c, suspectRef, stage).direct();
    }

    /** ARRESTED, or INTERVIEWED where the definition counts an interview as an arrest. */
    public boolean isArrest(EffectiveEvent event) {
        return event.type() == EventType.ARRESTED
                || (rules.arrestIncludesInterview() && event.type() == EventType.INTERVIEWED);
    }

    /** The suspect's convictions that count: not quashed on or after their date, where the definition says so. */
    private List<EffectiveEvent> convictions(List<EffectiveEvent> events) {
        List<EffectiveEvent> convicted = ofType(events, EventType.CONVICTED);
        if (!rules.excludeQuashedConvictions()) {
            return convicted;
        }
        List<LocalDate> quashed = ofType(events, EventType.CONVICTION_QUASHED).stream()
                .map(EffectiveEvent::occurredOn).toList();
        return convicted.stream()
                .filter(conviction -> quashed.stream().noneMatch(day -> !day.isBefore(conviction.occurredOn())))
                .toList();
    }

    private static List<EffectiveEvent> ofType(List<EffectiveEvent> events, EventType type) {
        return events.stream().filter(event -> event.type() == type).toList();
    }

}
