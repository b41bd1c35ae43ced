package org.casetrail.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the access log: who (no principal: the public, or a failed sign-in's claimed name), when, what
 * (endpoint, query and identifiers, with the cases it disclosed), why, from where, and how it was answered. The hash
 * covers all of it and the previous entry's hash.
 */
public record AccessLogEntry(long seq, Instant at, String principal, String roles, AccessAction action,
                             String method, String path, String query, String resource, List<String> caseRefs,
                             String reason, String address, int status, String prevHash, String hash) {
}
