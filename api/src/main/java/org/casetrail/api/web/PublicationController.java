package org.casetrail.api.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.export.PublicationTables;
import org.casetrail.api.publications.PublicationService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/publications")
class PublicationController {

    record PublishRequest(String name, List<PublicationService.Request> figures) {
    }

    private final PublicationService publications;
    private final FigureRendering rendering;

    PublicationController(PublicationService publications, FigureRendering rendering) {
        this.publications = publications;
        this.rendering = rendering;
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

    @Operation(summary = "A publication exactly as published, forever (also CSV and XLSX)")
    @GetMapping("/{id}")
    ResponseEntity<?> publication(@PathVariable UUID id, HttpServletRequest request) {
        PublicationService.Publication publication = publications.find(id).orElseThrow(() -> missing(id));
        return rendering.render(request, publication, () -> PublicationTables.publication(publication));
    }

    @Operation(summary = "Each published figure then and now, and the events that moved it (also CSV and XLSX)")
    @GetMapping("/{id}/revisions")
    ResponseEntity<?> revisions(@PathVariable UUID id, HttpServletRequest request) {
        PublicationService.Revisions revisions = publications.revisions(id).orElseThrow(() -> missing(id));
        return rendering.render(request, revisions, () -> PublicationTables.revisions(revisions));
    }

    private static NotFoundException missing(UUID id) {
        return new NotFoundException("publicationId", id.toString(), "no publication " + id);
    }
}
