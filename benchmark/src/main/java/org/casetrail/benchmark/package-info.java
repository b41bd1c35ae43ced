/**
 * The benchmark ({@code bin/benchmark}): import, replay and figure latencies at a chosen size, each ratio measured
 * against its baseline in the same run. A module of its own, so that none of it ships in the application jar.
 */
package org.casetrail.benchmark;
