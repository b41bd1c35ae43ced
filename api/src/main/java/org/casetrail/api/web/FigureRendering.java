package org.casetrail.api.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.demo.DemoDataLoader;
import org.casetrail.api.export.TableWriter;
import org.casetrail.core.InvalidParameterException;
import org.casetrail.projections.catalog.FigureTable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Chooses a figure's form: JSON by default, CSV by {@code format=csv} or {@code Accept: text/csv}, XLSX by
 * {@code format=xlsx}. While the store holds the synthetic demo history, every form says so: a {@code notice} field,
 * a {@code Casetrail-Data-Notice} header and a note.
 */
@Component
class FigureRendering {

    static final String NOTICE_HEADER = "Casetrail-Data-Notice";
    static final String SYNTHETIC_NOTICE = "This store holds the SYNTHETIC demo history (source "
            + DemoDataLoader.SOURCE + "): figures that count it are not real case data.";
    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FigureRendering(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    ResponseEntity<?> render(HttpServletRequest request, Object json, Supplier<FigureTable> table) {
        String format = request.getParameter("format");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String chosen = format != null ? format.toLowerCase(Locale.ROOT)
                : accept != null && accept.contains("text/csv") ? "csv" : "json";
        Optional<String> notice = notice();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        notice.ifPresent(text -> answer.header(NOTICE_HEADER, text));
        switch (chosen) {
            case "json":
                Object body = notice.isPresent() ? withNotice(json, notice.get()) : json;
                return answer.contentType(MediaType.APPLICATION_JSON).body(body);
            case "csv": {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                TableWriter.csv(table.get(), out);
                return answer.contentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8)).body(out.toByteArray());
            }
            case "xlsx": {
                FigureTable built = notice.map(text -> withNotice(table.get(), text)).orElseGet(table);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                TableWriter.xlsx(built, out);
                return answer.contentType(XLSX)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(built.title().toLowerCase(Locale.ROOT).replace(' ', '-') + ".xlsx")
                                .build().toString())
                        .body(out.toByteArray());
            }
            default:
                throw new InvalidParameterException("format", "format is json, csv or xlsx, not '" + format + "'");
        }
    }

    private Optional<String> notice() {
        Boolean synthetic = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM ledger_row WHERE source = ?)",
                Boolean.class, DemoDataLoader.SOURCE);
        return Boolean.TRUE.equals(synthetic) ? Optional.of(SYNTHETIC_NOTICE) : Optional.empty();
    }

    private JsonNode withNotice(Object answer, String notice) {
        ObjectNode node = json.getNodeFactory().objectNode();
        node.put("notice", notice);
        node.setAll((ObjectNode) json.valueToTree(answer));
        return node;
    }

    private static FigureTable withNotice(FigureTable table, String notice) {
        LinkedHashMap<String, String> notes = new LinkedHashMap<>();
        notes.put("notice", notice);
        notes.putAll(table.notes());
        return new FigureTable(table.title(), table.columns(), table.rows(), notes);
    }
}
