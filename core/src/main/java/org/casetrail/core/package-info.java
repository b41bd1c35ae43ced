/**
 * The domain, without Spring: what a case is, what may be appended to it, and what every figure reads. Its
 * packages: the case ledger, the CSV of pipeline events, definitions, the pipeline vocabulary, data.police.uk, the
 * reference lists and the synthetic history.
 */
package org.casetrail.core;
