package org.casetrail.api.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

import org.casetrail.api.definitions.DefinitionCatalog;
import org.casetrail.api.importing.ImportProgress;
import org.casetrail.api.importing.ImportService;
import org.casetrail.api.replays.Replay;
import org.casetrail.api.replays.ReplayService;
import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.casetrail.api.support.OwnDatabase;
import org.casetrail.core.definition.Definition;
import org.casetrail.projections.catalog.DefinitionRef;
import org.casetrail.projections.catalog.FigureAnswer;
import org.casetrail.projections.catalog.FigureCell;
import org.casetrail.projections.catalog.FigureDeclaration;
import org.casetrail.projections.catalog.FigureParameter;
import org.casetrail.projections.catalog.FigureQuery;
import org.casetrail.projections.catalog.FigureTable;
import org.casetrail.projections.effective.EffectiveCase;
import org.casetrail.projections.effective.LedgerCaseSource;
import org.casetrail.projections.figures.CaseFigure;
import org.casetrail.projections.models.DefinitionModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A figure read from a model in several statements while the member-models processor commits a batch between them
 * (simulated by moving the model's position, as a batch does), or while a replay clears it, is read again, and from the
 * ledger if the model keeps moving: an answer never mixes two states of the model under one position. Its own
 * database: an import another test queued would move the model too.
 */
@IntegrationTest
@OwnDatabase("model-read")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelReadIT {

    @Autowired
    FigureService figures;
    @Autowired
    ImportService imports;
    @Autowired
    DefinitionCatalog definitions;
    @Autowired
    ReplayService replays;
    @Autowired
    DefinitionModels models;
    @Autowired
    LedgerCaseSource ledger;
    @Autowired
    JdbcTemplate jdbc;

    private Definition definition;

    @BeforeAll
    void replayADefinition() throws InterruptedException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        assertThat(imports.importCsv("MODEL-READ-" + suffix, CsvFiles.synthetic(1, 20, "MR" + suffix).file(),
                ImportProgress.NONE).applied()).isTrue();
        definition = new Definition("model-read-" + suffix, 1, "model read", "model read test",
                Definition.Rules.DEFAULT);
        definitions.register(definition);
        UUID replay = replays.start(definition).id();
        await(() -> replays.find(replay).orElseThrow().state() == Replay.State.COMPLETED);
        await(() -> models.model(definition.id(), 1).map(DefinitionModels.Model::position)
                .filter(position -> position >= ledger.head()).isPresent());
    }

    @Test
    void givenABatchCommittedDuringAModelRead_whenAnswered_thenTheModelIsReadAgain() {
        Probe probe = new Probe(read -> read == 1);

        Probe.Answer answer = probe.ask();

        assertThat(probe.reads).hasValue(2);
        assertThat(answer.computedFrom()).isEqualTo(FigureAnswer.MODEL);
        assertThat(answer.value()).isEqualTo(2);
    }

    @Test
    void givenAReplayThatClearedTheModelAndHandedItBackAtTheSamePositionDuringARead_whenAnswered_thenItIsReadAgain() {
        Probe probe = new Probe(read -> read == 1, () -> {
            jdbc.update("UPDATE definition_model SET state = 'BUILDING' WHERE definition_id = ?", definition.id());
            jdbc.update("UPDATE definition_model SET state = 'READY' WHERE definition_id = ?", definition.id());
        });

        Probe.Answer answer = probe.ask();

        assertThat(probe.reads).as("the position came back to the same number").hasValue(2);
        assertThat(answer.computedFrom()).isEqualTo(FigureAnswer.MODEL);
    }

    @Test
    void givenAModelThatMovesAtEveryRead_whenAnswered_thenTheLedgerAnswers() {
        Probe probe = new Probe(read -> true);

        Probe.Answer answer = probe.ask();

        assertThat(probe.reads).hasValue(3);
        assertThat(answer.computedFrom()).isEqualTo(FigureAnswer.LEDGER);
        assertThat(answer.value()).isEqualTo(Probe.FROM_LEDGER);
    }

    @Test
    void givenAModelThatStays_whenAnswered_thenOneReadOfTheModelAnswers() {
        Probe probe = new Probe(read -> false);

        Probe.Answer answer = probe.ask();

        assertThat(probe.reads).hasValue(1);
        assertThat(answer.computedFrom()).isEqualTo(FigureAnswer.MODEL);
        assertThat(answer.position()).isEqualTo(ledger.head());
    }

    /** A figure whose model read answers the read's number, moving the model on the reads {@code moves} names. */
    private final class Probe implements FigureDeclaration<Probe.Answer> {

        static final int FROM_LEDGER = -1;

        record Answer(DefinitionRef definition, LocalDate asOf, long position, String computedFrom, int value)
                implements FigureAnswer {
        }

        final AtomicInteger reads = new AtomicInteger();
        private final IntPredicate moves;
        private final Runnable move;

        /** Moves the model as a batch does: one event further. */
        Probe(IntPredicate moves) {
            this(moves, () -> jdbc.update("UPDATE definition_model SET position = position + 1 "
                    + "WHERE definition_id = ?", definition.id()));
        }

        Probe(IntPredicate moves, Runnable move) {
            this.moves = moves;
            this.move = move;
        }

        Answer ask() {
            long position = models.model(definition.id(), 1).orElseThrow().position();
            try {
                return (Answer) figures.answer(this, Map.of("definition", new String[]{definition.reference()}))
                        .json();
            } finally {
                jdbc.update("UPDATE definition_model SET position = ?, state = 'READY' WHERE definition_id = ?",
                        position, definition.id());
            }
        }

        @Override
        public String name() {
            return "model-read-probe";
        }

        @Override
        public String summary() {
            return "a test's probe of model reads";
        }

        @Override
        public List<FigureParameter> parameters() {
            return List.of();
        }

        @Override
        public Answer answer(FigureQuery query) {
            var answered = query.fromModelOrLedger(null, models -> {
                int read = reads.incrementAndGet();
                if (moves.test(read)) {
                    move.run();
                }
                return Optional.of(read);
            }, new CaseFigure<>() {
                @Override
                public void accept(EffectiveCase c) {
                }

                @Override
                public Integer result() {
                    return FROM_LEDGER;
                }
            });
            return new Answer(query.definition(), answered.computed().asOf(), answered.computed().position(),
                    answered.from(), answered.computed().result());
        }

        @Override
        public FigureTable.Builder table(Answer answer) {
            return FigureTable.builder("probe", List.of("value"));
        }

        @Override
        public Map<String, FigureCell> cells(Answer answer) {
            return Map.of();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited two minutes").isBefore(deadline);
            Thread.sleep(25);
        }
    }
}
