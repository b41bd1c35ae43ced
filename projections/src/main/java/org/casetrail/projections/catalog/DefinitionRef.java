package org.casetrail.projections.catalog;

import org.casetrail.core.definition.Definition;

/** The definition a figure was computed under: its id and version. */
public record DefinitionRef(String id, int version) {

    public static DefinitionRef of(Definition definition) {
        return new DefinitionRef(definition.id(), definition.version());
    }
}
