package org.casetrail.api.figures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Figure ids: the same query, cell and store position always give the same id. An id is the hash of the query (its
 * endpoint and every parameter as resolved, position included) and the hash of the cell within it; each distinct query
 * is recorded once in {@code figure_query}, in the form a request gives it, so that a trace can ask it again.
 */
@Component
class FigureIds {

    private static final TypeReference<TreeMap<String, String>> PARAMETERS = new TypeReference<>() {
    };

    /** Ids this process has recorded: asking the same figure again writes nothing (a commit costs a disk flush). */
    private static final int REMEMBERED = 100_000;

    private final JdbcTemplate jdbc;
    /** Its own, unconfigurable: a figure id hashes this text, and must be the same forever, whatever the settings. */
    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    public FigureIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One answered query: the source of the ids of all its cells. */
    public record Query(String id) {

        public String cell(List<Object> cell) {
            return id + "-" + cellHash(cell);
        }
    }

    /** A query as recorded: enough to compute it again exactly. */
    public record Recorded(String queryId, String endpoint, Map<String, String> parameters, long position) {
    }

    public Query record(String endpoint, Map<String, String> parameters, long position) {
        Map<String, String> canonical = new TreeMap<>(parameters);
        canonical.put("position", String.valueOf(position));
        String text;
        try {
            text = json.writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String id = hash(endpoint + "\n" + text, 16);
        if (!recorded.contains(id)) {
            jdbc.update("""
                    INSERT INTO figure_query (query_id, endpoint, parameters, position)
                    VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (query_id) DO NOTHING""", id, endpoint, text, position);
            if (recorded.size() >= REMEMBERED) {
                recorded.clear();
            }
            recorded.add(id);
        }
        return new Query(id);
    }

    public Optional<Recorded> find(String queryId) {
        return jdbc.query("SELECT * FROM figure_query WHERE query_id = ?", (row, i) -> {
            try {
                return new Recorded(queryId, row.getString("endpoint"),
                        json.readValue(row.getString("parameters"), PARAMETERS), row.getLong("position"));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }, queryId).stream().findFirst();
    }

    public static String cellHash(List<Object> cell) {
        StringBuilder key = new StringBuilder();
        for (Object part : cell) {
            key.append(part).append('\u001f');
        }
        return hash(key.toString(), 10);
    }

    /**
     * The first {@code hexDigits} hex digits of the text's SHA-256. A funnel has thousands of cells, so each thread
     * keeps its digest (looking one up and writing all its hex per cell was 40% of a current funnel's Java time).
     */
    private static String hash(String text, int hexDigits) {
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, hexDigits / 2);
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });
}
