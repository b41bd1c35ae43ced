package org.casetrail.api.replays;

import java.util.UUID;

import org.casetrail.core.definition.Definition;

public class ReplayAlreadyRunningException extends RuntimeException {

    private final UUID running;

    public ReplayAlreadyRunningException(Definition definition, UUID running) {
        super("definition " + definition.reference() + " is being replayed already (replay " + running + ")");
        this.running = running;
    }

    public UUID running() {
        return running;
    }
}
