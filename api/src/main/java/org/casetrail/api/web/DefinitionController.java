package org.casetrail.api.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.definitions.DefinitionRequest;
import org.casetrail.core.definition.Definition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/definitions")
class DefinitionController {

    /** A definition as the API shows it: the rules as top-level fields. */
    record DefinitionView(String id, int version, String label, String description, int minSuspects,
                          List<String> contexts, Integer maxVictimAge, boolean arrestIncludesInterview,
                          boolean excludeQuashedConvictions) {

        static DefinitionView of(Definition definition) {
            Definition.Rules rules = definition.rules();
            return new DefinitionView(definition.id(), definition.version(), definition.label(),
                    definition.description(), rules.minSuspects(),
                    rules.contexts().stream().map(Enum::name).sorted().toList(), rules.maxVictimAge(),
                    rules.arrestIncludesInterview(), rules.excludeQuashedConvictions());
        }
    }

    private final DefinitionCatalog catalog;

    DefinitionController(DefinitionCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(summary = "Every version of every definition")
    @GetMapping
    List<DefinitionView> all() {
        return catalog.all().stream().map(DefinitionView::of).toList();
    }

    @Operation(summary = "Register a definition version",
            description = "id, version, label, description and the rules of SEMANTICS section 5 as top-level "
                    + "fields. 201 when new, 200 when the same version was registered before with the same content, "
                    + "409 when it exists with other content (a change is a new version), 400 naming an unknown rule "
                    + "or a bad value.")
    @PostMapping
    ResponseEntity<DefinitionView> register(@RequestBody Map<String, Object> body) {
        Definition definition = DefinitionRequest.read(body);
        DefinitionCatalog.Registration registration = catalog.register(definition);
        DefinitionView view = DefinitionView.of(definition);
        URI location = URI.create("/api/v1/definitions/" + definition.id() + "/versions/" + definition.version());
        return registration == DefinitionCatalog.Registration.CREATED
                ? ResponseEntity.created(location).body(view)
                : ResponseEntity.status(HttpStatus.OK).location(location).body(view);
    }

    @Operation(summary = "One definition version")
    @GetMapping("/{id}/versions/{version}")
    DefinitionView one(@PathVariable String id, @PathVariable int version) {
        return catalog.find(id, version).map(DefinitionView::of)
                .orElseThrow(() -> new NotFoundException("definition", id + "@" + version,
                        "no definition " + id + " version " + version));
    }
}
