package org.casetrail.projections.effective;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;

/** One case as the effective view sees it (SEMANTICS section 4): only its effective events, corrected. */
public final class EffectiveCase {

    private final String caseRef;
    private final EffectiveEvent opened;
    private final List<EffectiveEvent> events;
    private final Map<String, List<EffectiveEvent>> bySuspect = new LinkedHashMap<>();
    private final Map<String, EffectiveEvent> identifications = new LinkedHashMap<>();
    private final Map<String, EffectiveEvent> victims = new LinkedHashMap<>();

    EffectiveCase(String caseRef, EffectiveEvent opened, List<EffectiveEvent> events) {
        this.caseRef = caseRef;
        this.opened = opened;
        this.events = List.copyOf(events);
        for (EffectiveEvent event : this.events) {
            if (event.type().isSuspectEvent()) {
                bySuspect.computeIfAbsent(event.suspectRef(), ref -> new ArrayList<>()).add(event);
                if (event.type() == EventType.SUSPECT_IDENTIFIED) {
                    identifications.putIfAbsent(event.suspectRef(), event);
                }
            } else if (event.type() == EventType.VICTIM_RECORDED) {
                victims.putIfAbsent(event.fields().victimRef(), event);
            }
        }
    }

    public String caseRef() {
        return caseRef;
    }

    public EffectiveEvent opened() {
        return opened;
    }

    public LocalDate openedOn() {
        return opened.occurredOn();
    }

    public String forceCode() {
        return opened.fields().forceCode();
    }

    public CaseContext context() {
        return opened.fields().context() == null ? CaseContext.UNKNOWN : opened.fields().context();
    }

    public LocalDate offenceFrom() {
        return opened.fields().offenceFrom();
    }

    public List<EffectiveEvent> events() {
        return events;
    }

    public List<EffectiveEvent> events(EventType type) {
        return events.stream().filter(event -> event.type() == type).toList();
    }

    /** The case's suspects: every suspect a suspect event names, in the order first named. */
    public List<String> suspectRefs() {
        return List.copyOf(bySuspect.keySet());
    }

    public List<EffectiveEvent> suspectEvents(String suspectRef) {
        return bySuspect.getOrDefault(suspectRef, List.of());
    }

    /** The suspect's SUSPECT_IDENTIFIED event, where it has one. */
    public Optional<EffectiveEvent> identification(String suspectRef) {
        return Optional.ofNullable(identifications.get(suspectRef));
    }

    /** The case's VICTIM_RECORDED events, one per victim. */
    public List<EffectiveEvent> victims() {
        return List.copyOf(victims.values());
    }
}
