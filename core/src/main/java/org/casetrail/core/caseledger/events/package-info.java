/**
 * One record per event type, all under the sealed {@code CaseEvent}: what is stored in the event store.
 */
package org.casetrail.core.caseledger.events;
