package org.casetrail.projections.effective;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.casetrail.core.caseledger.events.RowFields;
import org.casetrail.core.caseledger.events.SourceRow;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.pipeline.Plea;
import org.casetrail.core.pipeline.Sex;
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

    /** Every case that counts in figures at the cut (position must be set: the head, or an earlier one). */
    public void forEachCase(EffectiveView.Cut cut, Consumer<EffectiveCase> visitor) {
        CaseCollector collector = new CaseCollector(cut, visitor);
        CursorQuery.stream(dataSource, "SELECT " + COLUMNS + " FROM ledger_row WHERE position <= ? "
                        + (cut.asOf() == null ? "" : "AND reported_on <= ? ") + "ORDER BY case_ref, position",
                statement -> {
                    statement.setLong(1, cut.position());
                    if (cut.asOf() != null) {
                        statement.setDate(2, Date.valueOf(cut.asOf()));
                    }
                },
                row -> collector.add(event(row)));
        collector.finish();
    }

    /** One case's stored events as the ledger holds them, in position order. */
    public List<LedgerEvent> caseEvents(String caseRef) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_row WHERE case_ref = ? ORDER BY position",
                (row, i) -> event(row), caseRef);
    }

    private static final class CaseCollector {
        private final EffectiveView.Cut cut;
        private final Consumer<EffectiveCase> visitor;
        private String caseRef;
        private final List<LedgerEvent> events = new ArrayList<>();

        CaseCollector(EffectiveView.Cut cut, Consumer<EffectiveCase> visitor) {
            this.cut = cut;
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
                EffectiveView.of(caseRef, events, cut).ifPresent(visitor);
                events.clear();
            }
        }
    }

    static LedgerEvent event(ResultSet row) throws SQLException {
        RowFields fields = RowFields.builder()
                .occurredOn(date(row, "occurred_on"))
                .forceCode(row.getString("force_code"))
                .context(parse(row.getString("context"), CaseContext::valueOf))
                .offenceFrom(date(row, "offence_from"))
                .suspectRef(row.getString("suspect_ref"))
                .victimRef(row.getString("victim_ref"))
                .age(integer(row, "age"))
                .sex(parse(row.getString("sex"), Sex::valueOf))
                .ethnicity(row.getString("ethnicity"))
                .officerEthnicity(row.getString("officer_ethnicity"))
                .nationality(row.getString("nationality"))
                .outcomeType(integer(row, "outcome_type"))
                .operation(row.getString("operation"))
                .plea(parse(row.getString("plea"), Plea::valueOf))
                .note(row.getString("note"))
                .build();
        return new LedgerEvent(row.getLong("position"), row.getString("event_id"),
                new SourceRow(row.getString("source"), row.getString("source_row_id")), row.getString("case_ref"),
                EventType.valueOf(row.getString("event_type")), date(row, "reported_on"),
                row.getString("corrected_row_id"), fields);
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static <T> T parse(String value, java.util.function.Function<String, T> parser) {
        return value == null ? null : parser.apply(value.strip());
    }
}
