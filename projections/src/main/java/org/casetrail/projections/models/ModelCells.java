package org.casetrail.projections.models;

import java.sql.PreparedStatement;
import java.util.List;

import org.casetrail.core.definition.Definition;
import org.casetrail.projections.jdbc.ArrayParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One kind of a definition's cells, in a table of its own: filled from the whole model by a replay ({@link #build}),
 * and kept by the member-models processor, which takes a batch's cases away with their old rows and adds them back
 * with their new ones ({@link #add}).
 */
abstract class ModelCells {

    /** The place a cell is kept for; a force or region not recorded is kept as '' so that it can be in the key. */
    static final String PLACE = "force_code, region, context";
    /**
     * The place of member rows as a cell keeps it; a context rolled up by grouping sets ({@link #ALL_CONTEXTS}) is
     * null in them.
     */
    static final String PLACE_WRITTEN = "coalesce(force_code, ''), coalesce(region, ''), coalesce(context, '')";
    /**
     * The context of cells that count every context of their force and region: a figure not grouped by context reads
     * these, a sixth of the rows (43 forces instead of 258 places).
     */
    static final String ALL_CONTEXTS = "";
    /** The place of a cell as a figure reads it (not recorded: null). */
    static final String PLACE_READ = "nullif(force_code, '') AS force_code, nullif(region, '') AS region, context";

    protected final JdbcTemplate jdbc;
    private final String table;
    /** Whether a replay sums the cells in a hash table ({@link #build}). */
    private final boolean hashed;

    ModelCells(JdbcTemplate jdbc, String table, boolean hashed) {
        this.jdbc = jdbc;
        this.table = table;
        this.hashed = hashed;
    }

    /** The table these cells are kept in. */
    final String table() {
        return table;
    }

    /** Adds ({@code sign} 1) or takes away (-1) what these cases (all cases when null) count in the cells. */
    abstract void add(Definition definition, List<String> caseRefs, int sign);

    /** Removes every cell of the definition. */
    final void clear(Definition definition) {
        jdbc.update("DELETE FROM " + table + " WHERE definition_id = ? AND version = ?", definition.id(),
                definition.version());
    }

    /**
     * Fills the cells from the whole model, then vacuums and analyses them. The vacuum clears the previous round's
     * rows and marks the pages all-visible, so that reads of cells whose key carries their counts (the category
     * cells') never visit the table. Cells that are few (places times years) however many members they count are
     * summed in a hash table: the planner, reckoning by the members, sorted them on disk instead, the members' arrays
     * carried through the sort (measured at 100,000 cases: the period-count cells 3.7 s sorted, 1.2 to 2.2 s hashed;
     * the other kinds gained nothing, the caseload's day cells lost).
     */
    final void build(Definition definition) {
        new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource())).executeWithoutResult(status -> {
            if (hashed) {
                jdbc.execute("SET LOCAL work_mem = '64MB'");
                jdbc.execute("SET LOCAL enable_sort = off");
            }
            clear(definition);
            add(definition, null, 1);
        });
        jdbc.execute("VACUUM (ANALYZE) " + table);
    }

    /** {@code sum(a)::bigint AS a, ...}: the cells' counts summed as a figure reads them. */
    static String sums(List<String> columns) {
        return String.join(", ", columns.stream().map(c -> "sum(" + c + ")::bigint AS " + c).toList());
    }

    /** {@code sign * sum(a), ...}: what an adding statement adds to (or takes from) each count. */
    static String signedSums(List<String> columns, int sign) {
        return String.join(", ", columns.stream().map(c -> sign + " * sum(" + c + ")").toList());
    }

    /** {@code a = table.a + EXCLUDED.a, ...}: a cell already kept takes what is added to it. */
    String addedToKept(List<String> columns) {
        return String.join(", ", columns.stream().map(c -> c + " = " + table + "." + c + " + EXCLUDED." + c).toList());
    }

    /**
     * Runs an adding statement whose parameters are {@code written} (the key of the rows written, from the
     * definition's id and version on), then the definition's id and version (the model read), then the cases as one
     * array when there are any.
     */
    protected final void addRows(String sql, List<Object> written, Definition definition, List<String> caseRefs) {
        int read = written.size() + 1;
        jdbc.update(connection -> {
            PreparedStatement statement = caseRefs == null ? connection.prepareStatement(sql)
                    : ArrayParameter.prepare(connection, sql, read + 2, "varchar", caseRefs);
            for (int i = 0; i < written.size(); i++) {
                statement.setObject(i + 1, written.get(i));
            }
            statement.setString(read, definition.id());
            statement.setInt(read + 1, definition.version());
            return statement;
        });
    }
}
