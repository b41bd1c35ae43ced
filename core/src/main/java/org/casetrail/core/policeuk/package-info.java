/**
 * data.police.uk street-level files translated to pipeline rows (SEMANTICS 9).
 */
package org.casetrail.core.policeuk;
