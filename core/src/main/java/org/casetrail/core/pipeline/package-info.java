/**
 * The vocabulary of the pipeline: event types, stages and case contexts.
 */
package org.casetrail.core.pipeline;
