package org.casetrail.api.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.replays.Replay;
import org.casetrail.api.replays.ReplayService;
import org.casetrail.core.definition.Definition;
import org.casetrail.projections.catalog.DefinitionRef;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class ReplayController {

    record ReplayView(UUID replayId, DefinitionRef definition, String state, long eventsDone,
                      long eventsTotal, BigDecimal eventsPerSecond, Instant startedAt, Instant finishedAt,
                      String error) {

        static ReplayView of(Replay replay) {
            return new ReplayView(replay.id(), new DefinitionRef(replay.definitionId(),
                    replay.version()), replay.state().name(), replay.eventsDone(), replay.eventsTotal(),
                    replay.eventsPerSecond(), replay.startedAt(), replay.finishedAt(), replay.error());
        }
    }

    private final ReplayService replays;
    private final DefinitionCatalog definitions;

    ReplayController(ReplayService replays, DefinitionCatalog definitions) {
        this.replays = replays;
        this.definitions = definitions;
    }

    @Operation(summary = "Rebuild a definition's results from the whole history",
            description = "Runs in the background while the server keeps answering; 202 with the replay's address. "
                    + "Once completed, the definition's current-state results are kept up to date as events arrive.")
    @PostMapping("/definitions/{id}/versions/{version}/replays")
    ResponseEntity<ReplayView> start(@PathVariable String id, @PathVariable int version) {
        Definition definition = definitions.find(id, version).orElseThrow(() -> new NotFoundException("definition",
                id + "@" + version, "no definition " + id + " version " + version));
        Replay replay = replays.start(definition);
        return ResponseEntity.accepted().location(URI.create("/api/v1/replays/" + replay.id()))
                .body(ReplayView.of(replay));
    }

    @Operation(summary = "A replay's progress: events done, events in all, events per second, state")
    @GetMapping("/replays/{replayId}")
    ReplayView progress(@PathVariable UUID replayId) {
        return replays.find(replayId).map(ReplayView::of).orElseThrow(() -> new NotFoundException("replayId",
                replayId.toString(), "no replay " + replayId));
    }
}
