package org.casetrail.projections.catalog;

import java.time.LocalDate;

/**
 * What every figure's answer states (SEMANTICS 10): the definition, the knowledge date and the store position it was
 * computed at, and whether it came from a maintained model ({@link #MODEL}) or the ledger ({@link #LEDGER}).
 */
public interface FigureAnswer {

    String MODEL = "model";
    String LEDGER = "ledger";
    /** An earlier cut: the model for the cases not changed since, the ledger for the rest. */
    String MODEL_AND_LEDGER = "model and ledger";

    DefinitionRef definition();

    LocalDate asOf();

    long position();

    String computedFrom();
}
