package org.casetrail.api.figures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Figure ids: the same query, cell and store position always give the same id. An id is the hash of the canonical
 * query (every parameter as resolved, the position included) and the hash of the cell within it; each distinct query
 * is recorded once in {@code figure_query}.
 */
@Component
public class FigureIds {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public FigureIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One answered query: the source of the ids of all its cells. */
    public record Query(String id) {

        public String cell(Object... cellKey) {
            StringBuilder key = new StringBuilder();
            for (Object part : cellKey) {
                key.append(part).append('\u001f');
            }
            return id + "-" + hash(key.toString()).substring(0, 10);
        }
    }

    public Query record(String endpoint, Map<String, Object> parameters, long position) {
        Map<String, Object> canonical = new TreeMap<>(parameters);
        canonical.put("position", position);
        String text;
        try {
            text = json.writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String id = hash(endpoint + "\n" + text).substring(0, 16);
        jdbc.update("INSERT INTO figure_query (query_id, endpoint, parameters, position) VALUES (?, ?, ?::jsonb, ?) "
                + "ON CONFLICT (query_id) DO NOTHING", id, endpoint, text, position);
        return new Query(id);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
