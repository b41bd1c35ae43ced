/**
 * Who may call what (SEMANTICS section 8): the roles, the one table of access rules that both the security filter
 * chain and the OpenAPI document read, sign-in (HTTP Basic users from configuration, JWTs from an identity provider),
 * refusals as problem documents, and the guards in front of every request: cross-origin writes, request body size
 * and the public rate limit.
 */
package org.casetrail.api.access;
