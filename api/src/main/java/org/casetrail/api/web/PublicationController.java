package org.casetrail.api.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.identity.Caller;
import org.casetrail.api.identity.Role;
import org.casetrail.api.audit.AccessAction;
import org.casetrail.api.audit.AccessLog;
import org.casetrail.api.export.PublicationTables;
import org.casetrail.api.publications.PublicationService;
import org.casetrail.core.InvalidParameterException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/publications")
class PublicationController {

    private static final int MAX_LIST = 500;

    record PublishRequest(String name, List<PublicationService.Request> figures) {
    }

    private final PublicationService publications;
    private final FigureRendering rendering;
    private final AccessLog accessLog;

    PublicationController(PublicationService publications, FigureRendering rendering, AccessLog accessLog) {
        this.publications = publications;
        this.rendering = rendering;
        this.accessLog = accessLog;
    }

    @Operation(summary = "Freeze a named set of figure queries at the current position",
            description = "Body: {name, figures: [{figure: funnel|period-counts|lags|cold-cases|ethnicity|"
                    + "ethnicity-completeness, parameters: {definition, groupBy, ...}}]}. 201 with the figures as "
                    + "published.")
    @PostMapping
    ResponseEntity<PublicationService.Publication> publish(@RequestBody PublishRequest request) {
        PublicationService.Publication publication = publications.publish(request.name(), request.figures());
        return ResponseEntity.created(URI.create("/api/v1/publications/" + publication.publicationId()))
                .body(publication);
    }

    @Operation(summary = "The publications, newest first: name, position, when, and which figures",
            description = "Public. The answers themselves are read one publication at a time.")
    @GetMapping
    List<PublicationService.Summary> list(@RequestParam(defaultValue = "100") int limit,
                                          @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new InvalidParameterException("limit", "limit is from 1 to " + MAX_LIST);
        }
        if (offset < 0) {
            throw new InvalidParameterException("offset", "offset is 0 or more");
        }
        return publications.list(limit, offset);
    }

    @Operation(summary = "A publication exactly as published, forever (also CSV and XLSX)",
            description = "The public reads it protected (SEMANTICS 8: counts of 1 to 4 and the cells that would "
                    + "reveal them are null with suppressed: true, [c] in CSV and XLSX), as it was protected when it "
                    + "was published. Analysts and auditors read it unprotected, or protected with view=public.")
    @Parameter(name = "view", in = ParameterIn.QUERY, description = "public: the protected view, whatever your roles")
    @GetMapping("/{id}")
    ResponseEntity<?> publication(@PathVariable UUID id, HttpServletRequest request) {
        PublicationService.View view = view(request);
        PublicationService.Publication publication = publications.find(id, view).orElseThrow(() -> missing(id));
        return rendering.render(request, publication, () -> PublicationTables.publication(publication));
    }

    @Operation(summary = "Each published figure then and now (also CSV and XLSX)",
            description = "The public reads both sides protected and no movedBy. Analysts read them unprotected. "
                    + "Auditors also read movedBy, the events stored since that moved each cell: case-level data, so "
                    + "they state a reason (header Casetrail-Reason or parameter reason), recorded in the access log.")
    @Parameter(name = "view", in = ParameterIn.QUERY, description = "public: the protected view, whatever your roles")
    @GetMapping("/{id}/revisions")
    ResponseEntity<?> revisions(@PathVariable UUID id, HttpServletRequest request) {
        PublicationService.View view = view(request);
        boolean movedBy = view == PublicationService.View.UNPROTECTED && Caller.current().has(Role.AUDITOR);
        String reason = movedBy ? accessLog.requireReason(request) : null;
        PublicationService.Revisions revisions = publications.revisions(id, view, movedBy)
                .orElseThrow(() -> missing(id));
        if (movedBy) {
            Set<String> cases = new TreeSet<>();
            revisions.figures().forEach(figure -> figure.cells().forEach(cell -> cell.movedBy()
                    .forEach(event -> cases.add(event.caseRef()))));
            accessLog.record(request, AccessAction.MOVED_BY_READ, 200, id.toString(), List.copyOf(cases), reason);
        }
        return rendering.render(request, revisions, () -> PublicationTables.revisions(revisions));
    }

    /** Protected for the public; unprotected for analysts and auditors unless they ask for view=public. */
    private static PublicationService.View view(HttpServletRequest request) {
        String asked = request.getParameter("view");
        if (asked != null && !asked.equals("public")) {
            throw new InvalidParameterException("view", "view is public (the protected view), or left out; not '"
                    + asked + "'");
        }
        return asked == null && Caller.current().readsUnprotected() ? PublicationService.View.UNPROTECTED
                : PublicationService.View.PUBLIC;
    }

    private static NotFoundException missing(UUID id) {
        return new NotFoundException("publicationId", id.toString(), "no publication " + id);
    }
}
