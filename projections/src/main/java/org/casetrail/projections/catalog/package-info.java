/**
 * The figures as Casetrail offers them, each declared once
 * ({@link org.casetrail.projections.catalog.FigureDeclaration}): name, path, parameters, answer, table and traced
 * cells. {@link org.casetrail.projections.catalog.FigureCatalog} registers them; the API serves, documents,
 * publishes, compares and traces whatever is registered there.
 */
package org.casetrail.projections.catalog;
