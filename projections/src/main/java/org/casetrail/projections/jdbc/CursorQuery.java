package org.casetrail.projections.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Streams a query's rows through a PostgreSQL server-side cursor, which the driver only uses inside a transaction
 * and with a fetch size, so that a result of any size is read in constant memory.
 */
public final class CursorQuery {

    public static final int FETCH_SIZE = 2_000;

    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    public interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    private CursorQuery() {
    }

    public static void stream(DataSource dataSource, String sql, Binder binder, RowHandler handler) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                binder.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        handler.accept(rows);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("streaming query failed: " + e.getMessage(), e);
        }
    }
}
