package org.casetrail.projections.effective;


import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Plea;
import org.casetrail.core.pipeline.Sex;
import org.casetrail.projections.jdbc.ArrayParameter;
import org.casetrail.projections.jdbc.CursorQuery;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the effective view of every case from {@code ledger_row}, one case at a time in constant memory: the rows kept
 * by the cut are selected in SQL, and {@link EffectiveView} applies the amendments.
 */
public class LedgerCaseSource {

    private static final String COLUMNS = "position, event_id, source, source_row_id, case_ref, event_type, "
            + "occurred_on, reported_on, suspect_ref, victim_ref, corrected_row_id, force_code, context, offence_from, "
            + "age, sex, ethnicity, officer_ethnicity, nationality, outcome_type, operation, plea, note";

    private static final int CASES_PER_READ = 1_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    public LedgerCaseSource(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The position of the newest event in the store: 0 when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM ledger_row", Long.class);
        return head == null ? 0 : head;
    }

    /**
     * The latest knowledge date of any stored event (null: none): the effective view known on any later day is the
     * current state.
     */
    public LocalDate latestReportedOn() {
        Date latest = jdbc.queryForObject("SELECT max(reported_on) FROM ledger_knowledge", Date.class);
        return latest == null ? null : latest.toLocalDate();
    }

    /** Every case that counts in figures at the cut (position must be set: the head, or an earlier one). */
    public void forEachCase(EffectiveView.Cut cut, Consumer<EffectiveCase> visitor) {
        forEachCaseEvents(null, cut, (caseRef, events) -> EffectiveView.of(caseRef, events, cut).ifPresent(visitor));
    }

    /**
     * The stored events of every case after {@code afterCaseRef} (null: from the first), in case order, kept by the
     * cut (its position null: every event), one case at a time in constant memory.
     */
    public void forEachCaseEvents(String afterCaseRef, EffectiveView.Cut cut,
                                  BiConsumer<String, List<LedgerEvent>> visitor) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (cut.position() != null) {
            where.append(" AND position <= ?");
            arguments.add(cut.position());
        }
        if (cut.asOf() != null) {
            where.append(" AND reported_on <= ?");
            arguments.add(Date.valueOf(cut.asOf()));
        }
        if (afterCaseRef != null) {
            where.append(" AND case_ref > ?");
            arguments.add(afterCaseRef);
        }
        ReadAhead.run(sink -> {
            CaseCollector collector = new CaseCollector(sink);
            CursorQuery.stream(dataSource, "SELECT " + COLUMNS + " FROM ledger_row" + where
                            + " ORDER BY case_ref, position",
                    statement -> {
                        for (int i = 0; i < arguments.size(); i++) {
                            statement.setObject(i + 1, arguments.get(i));
                        }
                    },
                    row -> collector.add(event(row)));
            collector.finish();
        }, visitor);
    }

    /**
     * The events of these cases, all at once: case ref to its events in position order. One index range per case (the
     * ORDER BY keeps the subquery from being flattened): as {@code case_ref = ANY (?)}, PostgreSQL without statistics
     * may plan a scan of the whole ledger for every batch.
     */
    public Map<String, List<LedgerEvent>> caseEvents(Collection<String> caseRefs) {
        Map<String, List<LedgerEvent>> events = new LinkedHashMap<>();
        caseRefs.forEach(caseRef -> events.put(caseRef, new ArrayList<>()));
        if (caseRefs.isEmpty()) {
            return events;
        }
        jdbc.query(connection -> ArrayParameter.prepare(connection, "SELECT found.* FROM unnest(?::varchar[]) "
                + "AS wanted(ref) CROSS JOIN LATERAL (SELECT " + COLUMNS + " FROM ledger_row "
                + "WHERE case_ref = wanted.ref ORDER BY position) found", 1, "varchar", events.keySet()), row -> {
            LedgerEvent event = event(row);
            events.get(event.caseRef()).add(event);
        });
        return events;
    }

    /** These cases as they stood at the cut (those that did not exist then are skipped), a thousand read at a time. */
    public void forEachCaseOf(List<String> caseRefs, EffectiveView.Cut cut, Consumer<EffectiveCase> visitor) {
        for (int from = 0; from < caseRefs.size(); from += CASES_PER_READ) {
            caseEvents(caseRefs.subList(from, Math.min(caseRefs.size(), from + CASES_PER_READ))).forEach(
                    (caseRef, events) -> EffectiveView.of(caseRef, events, cut).ifPresent(visitor));
        }
    }

    /** The cases with an event stored after {@code position}. */
    public List<String> casesChangedAfter(long position) {
        return jdbc.queryForList("SELECT DISTINCT case_ref FROM ledger_row WHERE position > ?", String.class,
                position);
    }

    /** How many events the store holds. */
    public long eventCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM ledger_row", Long.class);
        return count == null ? 0 : count;
    }

    /** One case's stored events as the ledger holds them, in position order. */
    public List<LedgerEvent> caseEvents(String caseRef) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_row WHERE case_ref = ? ORDER BY position",
                (row, i) -> event(row), caseRef);
    }

    private static final class CaseCollector {
        private final BiConsumer<String, List<LedgerEvent>> visitor;
        private String caseRef;
        private final List<LedgerEvent> events = new ArrayList<>();

        CaseCollector(BiConsumer<String, List<LedgerEvent>> visitor) {
            this.visitor = visitor;
        }

        void add(LedgerEvent event) {
            if (!event.caseRef().equals(caseRef)) {
                finish();
                caseRef = event.caseRef();
            }
            events.add(event);
        }

        void finish() {
            if (!events.isEmpty()) {
                visitor.accept(caseRef, List.copyOf(events));
                events.clear();
            }
        }
    }

    /** A row of {@link #COLUMNS}, read by column number (looking columns up by name cost a fifth of a full read). */
    static LedgerEvent event(ResultSet row) throws SQLException {
        RowFields fields = RowFields.builder()
                .occurredOn(row.getObject(7, LocalDate.class))
                .forceCode(row.getString(12))
                .context(parse(row.getString(13), CaseContext::valueOf))
                .offenceFrom(row.getObject(14, LocalDate.class))
                .suspectRef(row.getString(9))
                .victimRef(row.getString(10))
                .age(integer(row, 15))
                .sex(parse(row.getString(16), Sex::valueOf))
                .ethnicity(row.getString(17))
                .officerEthnicity(row.getString(18))
                .nationality(row.getString(19))
                .outcomeType(integer(row, 20))
                .operation(row.getString(21))
                .plea(parse(row.getString(22), Plea::valueOf))
                .note(row.getString(23))
                .build();
        return new LedgerEvent(row.getLong(1), row.getString(2), new SourceRow(row.getString(3), row.getString(4)),
                row.getString(5), EventType.valueOf(row.getString(6)), row.getObject(8, LocalDate.class),
                row.getString(11), fields);
    }

    private static Integer integer(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static <T> T parse(String value, Function<String, T> parser) {
        return value == null ? null : parser.apply(value.strip());
    }
}
