/**
 * Figures, traces and publications laid out as CSV and XLSX tables, with text cells neutralised against
 * formula injection.
 */
package org.casetrail.api.export;
