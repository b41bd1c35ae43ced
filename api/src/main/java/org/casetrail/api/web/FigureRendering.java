package org.casetrail.api.web;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.InvalidParameterException;
import org.casetrail.api.export.FigureTable;
import org.casetrail.api.export.TableWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Chooses a figure's form: JSON by default, CSV by {@code format=csv} or {@code Accept: text/csv}, XLSX. */
final class FigureRendering {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private FigureRendering() {
    }

    static ResponseEntity<?> render(HttpServletRequest request, Object json, Supplier<FigureTable> table) {
        String format = request.getParameter("format");
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        String chosen = format != null ? format.toLowerCase(Locale.ROOT)
                : accept != null && accept.contains("text/csv") ? "csv" : "json";
        switch (chosen) {
            case "json":
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
            case "csv": {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                TableWriter.csv(table.get(), out);
                return ResponseEntity.ok().contentType(new MediaType(TEXT_CSV, java.nio.charset.StandardCharsets.UTF_8))
                        .body(out.toByteArray());
            }
            case "xlsx": {
                FigureTable built = table.get();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                TableWriter.xlsx(built, out);
                return ResponseEntity.ok().contentType(XLSX)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(built.title().toLowerCase(Locale.ROOT).replace(' ', '-') + ".xlsx")
                                .build().toString())
                        .body(out.toByteArray());
            }
            default:
                throw new InvalidParameterException("format", "format is json, csv or xlsx, not '" + format + "'");
        }
    }
}
