/**
 * How each figure of SEMANTICS 6 is computed over the effective view: stage reading, then one
 * {@code CaseFigure} per figure. How a figure is offered (parameters, answer, table) is declared in {@code catalog}.
 */
package org.casetrail.projections.figures;
