/**
 * The pipeline event CSV: its columns, the row mapper that checks each field and limit (errors by line and
 * column), and the streaming reader.
 */
package org.casetrail.core.csv;
