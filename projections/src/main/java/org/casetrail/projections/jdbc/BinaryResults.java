package org.casetrail.projections.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * A statement whose rows come in PostgreSQL's binary format from its first execution. The driver asks for binary
 * only once a statement has run five times on the same connection, and until then parses every number sent as text.
 * A read of hundreds of thousands of rows (a lags read) should not depend on how often its connection has run it.
 */
public final class BinaryResults {

    /** The driver's setting for "prepare on the server at once, and receive in binary". */
    private static final int FORCE_BINARY = -1;

    private BinaryResults() {
    }

    public static PreparedStatementCreator statement(String sql, Object... arguments) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            try {
                statement.unwrap(PGStatement.class).setPrepareThreshold(FORCE_BINARY);
                new ArgumentPreparedStatementSetter(arguments).setValues(statement);
                return statement;
            } catch (SQLException | RuntimeException failed) {
                statement.close();
                throw failed;
            }
        };
    }
}
