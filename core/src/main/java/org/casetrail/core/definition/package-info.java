/**
 * Definitions (SEMANTICS 5): which cases and suspects a figure counts, versioned, and the built-in ones.
 */
package org.casetrail.core.definition;
