/**
 * The shipped reference lists: police forces, ethnicity codes, outcome types and police.uk labels.
 */
package org.casetrail.core.reference;
