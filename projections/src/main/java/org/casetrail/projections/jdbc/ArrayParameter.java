package org.casetrail.projections.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

import org.postgresql.PGStatement;

/**
 * Statements that take a list as one array parameter ({@code column = ANY (?)}). The driver server-prepares a
 * statement after a few uses, and PostgreSQL may then keep a generic plan made while the table was small: for an array
 * parameter that plan scans the whole table on every call (seen twice: 6,600 scans of the event table in one import,
 * and a replay whose deletes scanned the growing model). Such statements are planned for the values of each call.
 */
public final class ArrayParameter {

    private ArrayParameter() {
    }

    /** Prepares {@code sql}, planned per call, with {@code values} bound as a varchar/bigint array at {@code index}. */
    public static PreparedStatement prepare(Connection connection, String sql, int index, String sqlType,
                                            Collection<?> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        statement.setArray(index, connection.createArrayOf(sqlType, values.toArray()));
        return statement;
    }
}
