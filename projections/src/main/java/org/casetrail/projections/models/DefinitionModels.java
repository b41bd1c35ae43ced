package org.casetrail.projections.models;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.casetrail.core.definition.Definition;
import org.casetrail.core.pipeline.Stage;
import org.casetrail.projections.effective.EffectiveView;
import org.casetrail.projections.figures.CaseloadFigure;
import org.casetrail.projections.figures.ColdCasesFigure;
import org.casetrail.projections.figures.EthnicityFigure;
import org.casetrail.projections.figures.EthnicityScheme;
import org.casetrail.projections.figures.FigureScope;
import org.casetrail.projections.figures.FunnelFigure;
import org.casetrail.projections.figures.LagsFigure;
import org.casetrail.projections.figures.NationalityFigure;
import org.casetrail.projections.figures.PeriodCountsFigure;
import org.casetrail.projections.jdbc.ArrayParameter;
import org.casetrail.projections.jdbc.CopyRows;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A definition's current-state model in PostgreSQL: its state ({@code BUILDING} while a replay runs, {@code READY}
 * once it covers every event up to {@code position}), its qualifying cases and their suspects' stages, and the funnel
 * read from it by aggregation.
 */
public class DefinitionModels {

    public enum State { BUILDING, READY }

    /**
     * A definition's model as it stands: its state, the store position it is kept up to, and the transaction that
     * last wrote it ({@code writtenBy}, PostgreSQL's {@code xmin} of its row): every batch, replay start and hand-over
     * writes the row, so a model read before and after a read of its rows is the same only if nothing wrote it between,
     * even where the position came back to the same number.
     */
    public record Model(String definitionId, int version, State state, Long position, String writtenBy) {
    }

    /** The member rows of a case, one table each. */
    private static final List<String> MEMBER_TABLES = List.of("definition_suspect", "definition_victim",
            "definition_reopening", "definition_case_total", "definition_case");
    private static final String MEMBER_TABLE_LIST = String.join(", ", MEMBER_TABLES);

    private static final String MODELS = "SELECT *, xmin::text AS written_by FROM definition_model";
    private static final RowMapper<Model> MODEL_ROW = (row, i) -> new Model(row.getString("definition_id"),
            row.getInt("version"), State.valueOf(row.getString("state")), (Long) row.getObject("position"),
            row.getString("written_by"));

    private final JdbcTemplate jdbc;
    private final FunnelCells funnel;
    private final CategoryCells categoryCells;
    private final CaseloadCells caseloadCells;
    private final PeriodCountCells periodCountCells;
    /** Every kind of cell, the longest to build first. */
    private final List<ModelCells> cells;
    private final Reopenings reopenings;
    private final CategoryFigures categories;
    private final LagMembers lags;

    public DefinitionModels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.funnel = new FunnelCells(jdbc);
        this.categoryCells = new CategoryCells(jdbc);
        this.caseloadCells = new CaseloadCells(jdbc);
        this.periodCountCells = new PeriodCountCells(jdbc);
        this.cells = List.of(caseloadCells, categoryCells, funnel, periodCountCells);
        this.reopenings = new Reopenings(jdbc);
        this.categories = new CategoryFigures(categoryCells);
        this.lags = new LagMembers(jdbc);
    }

    public Optional<Model> model(String definitionId, int version) {
        return jdbc.query(MODELS + " WHERE definition_id = ? AND version = ?", MODEL_ROW,
                definitionId, version).stream().findFirst();
    }

    /** Starts (or restarts) building a model: whatever it held is cleared. */
    public void startBuilding(Definition definition) {
        jdbc.update("""
                        INSERT INTO definition_model (definition_id, version, state, position) VALUES (?, ?, ?, NULL)
                        ON CONFLICT (definition_id, version) DO UPDATE SET state = EXCLUDED.state, position = NULL""",
                definition.id(), definition.version(), State.BUILDING.name());
        for (String table : MEMBER_TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE definition_id = ? AND version = ?", definition.id(),
                    definition.version());
        }
        cells.forEach(kind -> kind.clear(definition));
    }

    /**
     * The ready models, locked against a replay finishing at the same moment (call inside a transaction): a batch of
     * events handled now either sees a model ready, or the replay's final catch-up sees the batch's events.
     */
    public List<Model> lockReady() {
        return jdbc.query(MODELS + " WHERE state = ? FOR SHARE", MODEL_ROW, State.READY.name());
    }

    /** Locks one model for its replay's final catch-up (call inside a transaction). */
    public void lockForFinish(Definition definition) {
        jdbc.query("SELECT 1 FROM definition_model WHERE definition_id = ? AND version = ? FOR UPDATE",
                (row, i) -> 1, definition.id(), definition.version());
    }

    public void markReady(Definition definition, long position) {
        jdbc.update("UPDATE definition_model SET state = ?, position = ? WHERE definition_id = ? AND version = ?",
                State.READY.name(), position, definition.id(), definition.version());
    }

    public void advance(Model model, long position) {
        jdbc.update("""
                UPDATE definition_model SET position = greatest(coalesce(position, 0), ?)
                WHERE definition_id = ? AND version = ?""", position, model.definitionId(), model.version());
    }

    /** Replaces what the model holds of these cases with what they are now. */
    public void replace(Definition definition, List<MemberRows> cases) {
        if (cases.isEmpty()) {
            return;
        }
        List<String> refs = cases.stream().map(MemberRows::caseRef).toList();
        cells.forEach(kind -> kind.add(definition, refs, -1));
        for (String table : MEMBER_TABLES) {
            jdbc.update(connection -> {
                PreparedStatement statement = ArrayParameter.prepare(connection, "DELETE FROM " + table
                        + " WHERE definition_id = ? AND version = ? AND case_ref = ANY (?)", 3, "varchar", refs);
                statement.setString(1, definition.id());
                statement.setInt(2, definition.version());
                return statement;
            });
        }
        insert(definition, cases);
        cells.forEach(kind -> kind.add(definition, refs, 1));
    }

    /**
     * Adds the rows of cases the model does not hold yet: a replay building a model from empty writes each case once,
     * so it needs no deletes (with them, every batch scanned the growing tables; measured in docs/benchmarks.md).
     */
    public void insert(Definition definition, List<MemberRows> cases) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (CopyRows caseRows = CopyRows.into(connection, "definition_case", "definition_id, version, case_ref, "
                    + "force_code, region, context, opened_on, offence_from")) {
                for (MemberRows rows : cases) {
                    if (rows.caseRow() != null) {
                        MemberRows.CaseRow c = rows.caseRow();
                        caseRows.add(definition.id(), definition.version(), rows.caseRef(), c.forceCode(), c.region(),
                                c.context(), c.openedOn(), c.offenceFrom());
                    }
                }
            }
            try (CopyRows totals = CopyRows.into(connection, "definition_case_total", "definition_id, version, "
                    + "case_ref, force_code, region, context, caseload_on, caseload_change, period_counts")) {
                for (MemberRows rows : cases) {
                    if (rows.caseRow() != null) {
                        MemberRows.CaseRow c = rows.caseRow();
                        totals.add(definition.id(), definition.version(), rows.caseRef(), c.forceCode(), c.region(),
                                c.context(), dateArray(c.caseloadChanges().keySet()),
                                numberArray(c.caseloadChanges().values()), numberArray(c.periodCounts()));
                    }
                }
            }
            try (CopyRows suspectRows = CopyRows.into(connection, "definition_suspect", "definition_id, version, "
                    + "case_ref, force_code, region, context, suspect_ref, arrested_on, charged_on, charged_implied, "
                    + "prosecuted_on, prosecuted_implied, convicted_on, self_ethnicity, officer_ethnicity, "
                    + "best_ethnicity, best_group, recording, nationality, exits")) {
                for (MemberRows rows : cases) {
                    if (rows.caseRow() != null) {
                        MemberRows.CaseRow c = rows.caseRow();
                        for (MemberRows.SuspectRow s : rows.suspects()) {
                            suspectRows.add(definition.id(), definition.version(), rows.caseRef(), c.forceCode(),
                                    c.region(), c.context(), s.suspectRef(), s.arrestedOn(), s.chargedOn(),
                                    s.chargedImplied(), s.prosecutedOn(), s.prosecutedImplied(), s.convictedOn(),
                                    s.ethnicity().self(), s.ethnicity().officer(), EthnicityScheme.BEST.code(s.ethnicity()),
                                    CategoryKind.bestGroup(s.ethnicity()), s.ethnicity().recording().name(),
                                    s.nationality(), dateArray(s.exits()));
                        }
                    }
                }
            }
            try (CopyRows victimRows = CopyRows.into(connection, "definition_victim", "definition_id, version, "
                    + "case_ref, victim_ref, self_ethnicity, officer_ethnicity, best_ethnicity, best_group")) {
                for (MemberRows rows : cases) {
                    for (MemberRows.VictimRow v : rows.victims()) {
                        victimRows.add(definition.id(), definition.version(), rows.caseRef(), v.victimRef(),
                                v.ethnicity().self(), v.ethnicity().officer(),
                                EthnicityScheme.BEST.code(v.ethnicity()), CategoryKind.bestGroup(v.ethnicity()));
                    }
                }
            }
            try (CopyRows reopeningRows = CopyRows.into(connection, "definition_reopening", "definition_id, "
                    + "version, case_ref, force_code, region, context, position, reopened_on, operation_key, "
                    + "previous_on, previous_of_operation_on, days_closed, arrested_after, charged_after, "
                    + "convicted_after, reclosed")) {
                for (MemberRows rows : cases) {
                    MemberRows.CaseRow c = rows.caseRow();
                    for (Reopenings.Row row : rows.reopenings()) {
                        ColdCasesFigure.Reopening r = row.reopening();
                        reopeningRows.add(definition.id(), definition.version(), rows.caseRef(), c.forceCode(),
                                c.region(), c.context(), r.event().recorded().position(), r.reopenedOn(),
                                ColdCasesFigure.operationKey(r.operation()), row.previousOn(),
                                row.previousOfOperationOn(), r.daysClosed(), r.arrestedAfter(), r.chargedAfter(),
                                r.convictedAfter(), r.reclosed());
                    }
                }
            }
            return null;
        });
    }

    /** Dates as a PostgreSQL array literal, for COPY. */
    private static String dateArray(Collection<LocalDate> dates) {
        return "{" + String.join(",", dates.stream().map(LocalDate::toString).toList()) + "}";
    }

    /** Rows of numbers as a two-dimensional PostgreSQL array literal, for COPY. */
    private static String numberArray(Collection<long[]> rows) {
        return "{" + rows.stream().map(row -> "{" + Arrays.stream(row).mapToObj(Long::toString)
                .collect(Collectors.joining(",")) + "}").collect(Collectors.joining(",")) + "}";
    }

    /** SEMANTICS 6.4 from the model's member rows, censored on {@code censoredOn}. */
    public LagsFigure.Result lags(FigureScope scope, LagsFigure.Start start, Stage end, LocalDate censoredOn,
                                  boolean curve) {
        return lags.lags(scope, start, end, censoredOn, curve);
    }

    /**
     * SEMANTICS 6.6 from the model's category cells; the (suspect, victim) pairs of other schemes and levels than the
     * default from its member rows.
     */
    public EthnicityFigure.Result ethnicity(FigureScope scope, Stage stage, EthnicityScheme scheme,
                                                      EthnicityScheme.Level level) {
        return categories.ethnicity(scope, stage, scheme, level);
    }

    /**
     * SEMANTICS 6.6 completeness from the model's category cells: the ethnicity answer (BEST, group level) with
     * only its completeness, which reads the fewest cells.
     */
    public EthnicityFigure.Result completeness(FigureScope scope, Stage stage) {
        return categories.completenessOnly(scope, stage);
    }

    /**
     * SEMANTICS 6.3 from the model's period-count cells, over all years or by year over whole years; empty for any
     * other window, which the ledger answers.
     */
    public Optional<PeriodCountsFigure.Result> periodCounts(FigureScope scope, FunnelFigure.Unit unit) {
        return periodCountCells.counts(scope, unit);
    }

    /** SEMANTICS 6.5 from the model's reopenings. */
    public ColdCasesFigure.Result coldCases(FigureScope scope, String operation) {
        return reopenings.coldCases(scope, operation);
    }

    /** SEMANTICS 6.7 from the model's caseload cells. */
    public CaseloadFigure.Result caseload(FigureScope scope, LocalDate date) {
        return caseloadCells.caseload(scope, date);
    }

    /** SEMANTICS 6.6 nationality from the model's category cells. */
    public NationalityFigure.Result nationality(FigureScope scope, Stage stage, EthnicityScheme.Level level) {
        return categories.nationality(scope, stage, level);
    }

    /**
     * SEMANTICS 6.2 from the model: the same counts the funnel accumulator makes from the effective view.
     */
    public FunnelFigure.Result funnel(FigureScope scope, Stage entry, FunnelFigure.Unit unit) {
        return FunnelFigure.result(entry, unit, funnel.counts(scope, entry, unit));
    }

    /**
     * SEMANTICS 6.2 at an earlier cut: the model's counts without the cases changed after the cut, and which of those
     * the caller must fold at the cut from the ledger (see {@link FunnelCells#unchangedSince}).
     */
    public Optional<FunnelCells.UnchangedSince> funnelUnchangedSince(FigureScope scope, Stage entry,
                                                                     FunnelFigure.Unit unit, EffectiveView.Cut cut) {
        return funnel.unchangedSince(scope, entry, unit, cut);
    }

    /**
     * Fills the funnel, category, caseload and period-count cells from the whole model (a replay does this once, after
     * its bulk pass), then analyses them: two at a time, each an aggregate PostgreSQL runs on one core, the longest
     * first.
     */
    public void buildCells(Definition definition) {
        ExecutorService builders = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> built = cells.stream()
                    .<Future<?>>map(kind -> builders.submit(() -> kind.build(definition))).toList();
            for (Future<?> kind : built) {
                kind.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the cells", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("building the cells failed", e.getCause());
        } finally {
            builders.shutdownNow();
        }
    }

    /**
     * Clears the rows of the model a replay has just deleted ({@link #startBuilding}), members and cells, before it
     * writes the new ones: otherwise the new rows cannot take their space, and a replay left the tables and their
     * indexes about twice their size (at a million cases the suspects' table went from 249 to 500 MB, and a lags read
     * from 205 to 400 ms; at 100,000 cases every kind of cell doubled, docs/benchmarks.md). A table another vacuum or
     * index build holds is skipped rather than waited for: a replay must not hang on it, and the vacuums after the
     * bulk pass clear what this one left.
     */
    public void clearDeletedRows() {
        List<String> tables = new ArrayList<>(MEMBER_TABLES);
        cells.forEach(kind -> tables.add(kind.table()));
        String vacuum = "VACUUM (SKIP_LOCKED) " + String.join(", ", tables);
        jdbc.execute(vacuum);
        // An index page the first vacuum emptied may be reused only once no transaction from before its deletion is
        // left and a transaction id has been given out since, so that vacuum cannot hand it out itself. Taking an id
        // here (on a quiet server none may have been given out meanwhile) lets the second vacuum hand the pages out.
        jdbc.queryForObject("SELECT pg_current_xact_id()::text", String.class);
        jdbc.execute(vacuum);
    }

    /**
     * Gives the planner fresh statistics of the member tables, as a replay must once it has filled them in bulk:
     * without them it takes the tables for empty and joins them by nested scans (seen: a funnel of 100,000 cases
     * still running after minutes). The vacuum marks the new rows' pages all-visible, so that a lags read from an
     * arrest reads its index alone (V20), and clears whatever the vacuum at the replay's start could not.
     */
    public void analyzeMembers() {
        jdbc.execute("VACUUM (ANALYZE) " + MEMBER_TABLE_LIST);
    }
}
