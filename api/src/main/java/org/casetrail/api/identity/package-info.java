/**
 * Who is calling: the roles of SEMANTICS section 8 ({@link org.casetrail.api.identity.Role}) and the signed-in caller
 * of the current request ({@link org.casetrail.api.identity.Caller}). Access control decides with them, and the access
 * log records them.
 */
package org.casetrail.api.identity;
