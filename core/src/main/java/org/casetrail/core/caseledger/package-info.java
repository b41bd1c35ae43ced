/**
 * The case aggregate and its rules: {@code CaseAggregate} decides what a case stream accepts, using
 * {@code CaseStreamRules}, which the import's whole-file check runs too; {@code RecordCaseEvents} is its one command.
 */
package org.casetrail.core.caseledger;
