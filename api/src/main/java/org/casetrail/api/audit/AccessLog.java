package org.casetrail.api.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.identity.Caller;
import org.casetrail.core.InvalidParameterException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access log: appends entries to one hash chain (under a PostgreSQL advisory lock, so that every node of the
 * application appends to the same chain in turn), reads them back with filters, and verifies the chain.
 */
@Service
public class AccessLog {

    public static final String REASON_HEADER = "Casetrail-Reason";
    public static final String REASON_PARAMETER = "reason";
    public static final int MAX_REASON_LENGTH = 1000;
    static final String GENESIS = "0".repeat(64);
    private static final int MAX_QUERY_LENGTH = 4000;
    /** Names the lock that orders appends: ASCII "CTACCLOG" read as a long. */
    private static final long LOCK_KEY = 0x43544143434C4F47L;

    /** What {@link #find} selects; any part may be null. */
    public record Filter(LocalDate from, LocalDate to, String user, String caseRef, Long after, int limit) {
    }

    /** Whether the chain holds, over how many entries, and the first entry that breaks it. */
    public record Verification(boolean intact, long entries, Long firstBrokenSeq, String problem, String lastHash) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ObjectMapper json;

    AccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // An entry is written whatever becomes of the request's own transaction.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
    }

    /** The reason a case-level read states (header or parameter); without one the request is refused and logged. */
    public String requireReason(HttpServletRequest request) {
        String reason = request.getHeader(REASON_HEADER);
        if (reason == null || reason.isBlank()) {
            reason = request.getParameter(REASON_PARAMETER);
        }
        if (reason == null || reason.isBlank()) {
            record(request, AccessAction.REFUSED, 400, null, List.of(), null);
            throw new MissingReasonException("a read of case-level data states its reason: header " + REASON_HEADER
                    + " or parameter " + REASON_PARAMETER);
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidParameterException(REASON_PARAMETER, "a reason has at most " + MAX_REASON_LENGTH
                    + " characters");
        }
        return reason.strip();
    }

    /** Appends an entry for the current caller's request; returns it once it is stored. */
    public AccessLogEntry record(HttpServletRequest request, AccessAction action, int status, String resource,
                                 List<String> caseRefs, String reason) {
        Caller caller = Caller.current();
        return append(caller.name(), caller.rolesText(), action, request, status, resource, caseRefs, reason);
    }

    /** Appends an entry for credentials that were refused; {@code claimedName} is the name they gave, if any. */
    public AccessLogEntry recordFailedSignIn(HttpServletRequest request, String claimedName, int status) {
        return append(claimedName, "", AccessAction.SIGN_IN_FAILED, request, status, null, List.of(), null);
    }

    private AccessLogEntry append(String principal, String roles, AccessAction action, HttpServletRequest request,
                                  int status, String resource, List<String> caseRefs, String reason) {
        String query = request.getQueryString();
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            query = query.substring(0, MAX_QUERY_LENGTH);
        }
        String method = request.getMethod();
        String path = request.getRequestURI();
        String address = request.getRemoteAddr();
        String queryText = query;
        return ownTransaction.execute(transaction -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, LOCK_KEY);
            List<Object[]> last = jdbc.query("SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1",
                    (row, i) -> new Object[]{row.getLong(1), row.getString(2)});
            long seq = last.isEmpty() ? 1 : (long) last.get(0)[0] + 1;
            String prevHash = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            AccessLogEntry unhashed = new AccessLogEntry(seq, at, principal, roles, action, method, path, queryText,
                    resource, List.copyOf(caseRefs), reason, address, status, prevHash, null);
            AccessLogEntry entry = withHash(unhashed, hash(unhashed));
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO access_log (seq, at, principal,
                        roles, action, method, path, query, resource, case_refs, reason, address, status,
                        prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                insert.setLong(1, entry.seq());
                insert.setTimestamp(2, Timestamp.from(entry.at()));
                insert.setString(3, entry.principal());
                insert.setString(4, entry.roles());
                insert.setString(5, entry.action().name());
                insert.setString(6, entry.method());
                insert.setString(7, entry.path());
                insert.setString(8, entry.query());
                insert.setString(9, entry.resource());
                insert.setArray(10, connection.createArrayOf("text", entry.caseRefs().toArray()));
                insert.setString(11, entry.reason());
                insert.setString(12, entry.address());
                insert.setInt(13, entry.status());
                insert.setString(14, entry.prevHash());
                insert.setString(15, entry.hash());
                return insert;
            });
            return entry;
        });
    }

    public List<AccessLogEntry> find(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM access_log WHERE true");
        List<Object> arguments = new ArrayList<>();
        if (filter.from() != null) {
            sql.append(" AND at >= ?");
            arguments.add(Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" AND at < ?");
            arguments.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.user() != null) {
            sql.append(" AND principal = ?");
            arguments.add(filter.user());
        }
        if (filter.caseRef() != null) {
            sql.append(" AND case_refs @> ARRAY[?]::text[]");
            arguments.add(filter.caseRef());
        }
        if (filter.after() != null) {
            sql.append(" AND seq > ?");
            arguments.add(filter.after());
        }
        sql.append(" ORDER BY seq LIMIT ?");
        arguments.add(filter.limit());
        return jdbc.query(sql.toString(), (row, i) -> entry(row), arguments.toArray());
    }

    /** Walks the whole chain in order; the first entry whose hash or link does not hold is named. */
    public Verification verify() {
        long[] count = {0};
        String[] previousHash = {GENESIS};
        long[] previousSeq = {0};
        Long[] broken = {null};
        String[] problem = {null};
        // In a transaction, so that the driver streams the rows with a cursor rather than reading them all.
        ownTransaction.executeWithoutResult(transaction -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT * FROM access_log ORDER BY seq");
            statement.setFetchSize(1000);
            return statement;
        }, (RowCallbackHandler) row -> {
            if (broken[0] != null) {
                return;
            }
            AccessLogEntry entry = entry(row);
            count[0]++;
            if (entry.seq() != previousSeq[0] + 1) {
                broken[0] = entry.seq();
                problem[0] = "entries " + (previousSeq[0] + 1) + " to " + (entry.seq() - 1) + " are missing";
            } else if (!entry.prevHash().equals(previousHash[0])) {
                broken[0] = entry.seq();
                problem[0] = "the entry before it was altered, removed or moved: its link does not match";
            } else if (!entry.hash().equals(hash(entry))) {
                broken[0] = entry.seq();
                problem[0] = "its content was altered: its hash does not match";
            }
            previousSeq[0] = entry.seq();
            previousHash[0] = entry.hash();
        }));
        return new Verification(broken[0] == null, count[0], broken[0], problem[0], previousHash[0]);
    }

    private AccessLogEntry entry(ResultSet row) throws SQLException {
        Array refs = row.getArray("case_refs");
        return new AccessLogEntry(row.getLong("seq"), row.getObject("at", OffsetDateTime.class).toInstant(),
                row.getString("principal"), row.getString("roles"), AccessAction.valueOf(row.getString("action")),
                row.getString("method"), row.getString("path"), row.getString("query"), row.getString("resource"),
                refs == null ? List.of() : Arrays.asList((String[]) refs.getArray()), row.getString("reason"),
                row.getString("address"), row.getInt("status"), row.getString("prev_hash"), row.getString("hash"));
    }

    private static AccessLogEntry withHash(AccessLogEntry entry, String hash) {
        return new AccessLogEntry(entry.seq(), entry.at(), entry.principal(), entry.roles(), entry.action(),
                entry.method(), entry.path(), entry.query(), entry.resource(), entry.caseRefs(), entry.reason(),
                entry.address(), entry.status(), entry.prevHash(), hash);
    }

    /** SHA-256 over the entry's content, in a fixed order, and the previous entry's hash. */
    String hash(AccessLogEntry entry) {
        try {
            byte[] content = json.writeValueAsBytes(Arrays.asList(entry.seq(), entry.at().toString(),
                    entry.principal(), entry.roles(), entry.action().name(), entry.method(), entry.path(),
                    entry.query(), entry.resource(), entry.caseRefs(), entry.reason(), entry.address(),
                    entry.status(), entry.prevHash()));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
