package org.casetrail.api.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One import at a time across every process on the database (the server and any command-line import), by a
 * PostgreSQL session advisory lock. A process that dies loses its session and so its lock, which is how a later import
 * knows that a run still marked RUNNING is dead.
 */
@Component
class ImportLock {

    /** An arbitrary constant that names the lock: ASCII "CASETRAI" read as a long. */
    private static final long KEY = 0x4341534554524149L;

    private final DataSource dataSource;

    ImportLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    Held acquire() {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return () -> release(connection);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot take the import lock", e);
        }
    }

    private static void release(Connection connection) {
        try (connection; PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("cannot release the import lock", e);
        }
    }
}
