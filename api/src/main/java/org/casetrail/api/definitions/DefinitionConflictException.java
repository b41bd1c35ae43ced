package org.casetrail.api.definitions;

import org.casetrail.core.definition.Definition;

/** A definition version exists with other content: published versions never change, a change is a new version. */
public class DefinitionConflictException extends RuntimeException {

    private final Definition existing;

    public DefinitionConflictException(Definition existing) {
        super("definition " + existing.reference() + " already exists with different content; a published version "
                + "never changes, so register the change as a new version");
        this.existing = existing;
    }

    public Definition existing() {
        return existing;
    }
}
