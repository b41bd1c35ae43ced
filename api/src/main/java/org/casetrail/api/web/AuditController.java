package org.casetrail.api.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.audit.AccessAction;
import org.casetrail.api.audit.AccessLog;
import org.casetrail.api.audit.AccessLogEntry;
import org.casetrail.core.InvalidParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access log for auditors (SEMANTICS 8). Every read of it is itself recorded first. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final int MAX_LIMIT = 1000;

    /** A page of entries; {@code next} is the {@code after} that gives the following page, if there is one. */
    record Entries(List<AccessLogEntry> entries, Long next) {
    }

    private final AccessLog log;

    AuditController(AccessLog log) {
        this.log = log;
    }

    @Operation(summary = "The access log, oldest first",
            description = "Who read or changed what, when, why and from where, refused requests and failed "
                    + "sign-ins included, with each entry's hash and its predecessor's.")
    @GetMapping
    Entries entries(@Parameter(description = "first day, inclusive (ISO date, UTC)") @RequestParam(required = false)
                    LocalDate from,
                    @Parameter(description = "last day, inclusive (ISO date, UTC)") @RequestParam(required = false)
                    LocalDate to,
                    @Parameter(description = "who: a user's name") @RequestParam(required = false) String user,
                    @Parameter(description = "entries that disclosed this case") @RequestParam(required = false)
                    String caseRef,
                    @Parameter(description = "entries after this seq (paging)") @RequestParam(required = false)
                    Long after,
                    @Parameter(description = "at most this many entries (default 100, at most 1000)")
                    @RequestParam(defaultValue = "100") int limit,
                    HttpServletRequest request) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "limit is from 1 to " + MAX_LIMIT);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidParameterException("to", "to is not before from");
        }
        log.record(request, AccessAction.AUDIT_READ, 200, null, caseRef == null ? List.of() : List.of(caseRef),
                request.getHeader(AccessLog.REASON_HEADER));
        List<AccessLogEntry> entries = log.find(new AccessLog.Filter(from, to, user, caseRef, after, limit));
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).seq() : null;
        return new Entries(entries, next);
    }

    @Operation(summary = "Whether the access log's hash chain holds",
            description = "Walks every entry in order; names the first entry that was altered, or whose predecessor "
                    + "was altered, removed or moved.")
    @GetMapping("/verify")
    AccessLog.Verification verify(HttpServletRequest request) {
        log.record(request, AccessAction.AUDIT_READ, 200, null, List.of(), request.getHeader(AccessLog.REASON_HEADER));
        return log.verify();
    }
}
