/**
 * The benchmark command ({@code bin/benchmark}): import, replay and figure latencies at a chosen size.
 */
package org.casetrail.api.benchmark;
