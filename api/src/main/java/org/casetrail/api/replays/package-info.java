/**
 * Rebuilding a definition's current-state model over the whole history, claimed once across nodes.
 */
package org.casetrail.api.replays;
