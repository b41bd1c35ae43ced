package org.casetrail.api.importing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One import at a time across every process on the database (the server and any command-line import), by a
 * PostgreSQL session advisory lock. A process that dies loses its session and so its lock, which is how a later import
 * knows that a run still marked RUNNING is dead. Waiting imports hold no pooled connection: within a process they
 * queue on a fair lock, and the one at the head of the queue tries the database lock with a connection it gives back
 * between tries; only the running import holds one.
 */
@Component
class ImportLock {

    /** An arbitrary constant that names the lock: ASCII "CASETRAI" read as a long. */
    private static final long KEY = 0x4341534554524149L;

    private static final long RETRY_MILLIS = 200;

    private final DataSource dataSource;
    private final ReentrantLock inProcess = new ReentrantLock(true);

    ImportLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    Held acquire() {
        inProcess.lock();
        try {
            Connection held = null;
            while (held == null) {
                held = tryDatabaseLock();
                if (held == null) {
                    Thread.sleep(RETRY_MILLIS);
                }
            }
            Connection connection = held;
            return () -> {
                try {
                    release(connection);
                } finally {
                    inProcess.unlock();
                }
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inProcess.unlock();
            throw new DataAccessResourceFailureException("interrupted while waiting for the import lock", e);
        } catch (RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    /** The connection that now holds the database lock, or null (and the connection given back) if another does. */
    private Connection tryDatabaseLock() {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                try (ResultSet taken = lock.executeQuery()) {
                    if (taken.next() && taken.getBoolean(1)) {
                        return connection;
                    }
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            connection.close();
            return null;
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
