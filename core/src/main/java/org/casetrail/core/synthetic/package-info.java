/**
 * The deterministic synthetic history generator behind the demo and the benchmarks (docs/calibration.md).
 */
package org.casetrail.core.synthetic;
