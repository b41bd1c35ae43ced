package org.casetrail.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.config.Limits;
import org.casetrail.api.importing.ImportProgress;
import org.casetrail.api.importing.ImportReport;
import org.casetrail.api.importing.ImportService;
import org.casetrail.api.importing.PoliceUkArchive;
import org.casetrail.api.importing.PoliceUkImportService;
import org.casetrail.api.importing.PoliceUkReport;
import org.casetrail.api.importing.Uploads;
import org.casetrail.core.InvalidParameterException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final ImportService imports;
    private final PoliceUkImportService policeUk;
    private final Uploads uploads;
    private final Limits limits;

    ImportController(ImportService imports, PoliceUkImportService policeUk, Uploads uploads, Limits limits) {
        this.imports = imports;
        this.policeUk = policeUk;
        this.uploads = uploads;
        this.limits = limits;
    }

    @Operation(summary = "Import a pipeline event CSV",
            description = "The body is the CSV (SEMANTICS section 3). The whole file is checked before anything is "
                    + "applied; if any row is invalid nothing is applied and the answer (422) lists every error by "
                    + "line and column. Rows already imported with the same content are counted as duplicates.",
            requestBody = @RequestBody(content = @Content(mediaType = "text/csv",
                    schema = @Schema(type = "string", format = "binary"))))
    @ApiResponse(responseCode = "200", description = "applied")
    @ApiResponse(responseCode = "422", description = "invalid rows: nothing applied",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @Parameter(name = "source", in = ParameterIn.QUERY, required = true,
            description = "the import's source, e.g. GMP-2024Q4")
    @PostMapping(consumes = "*/*")
    ImportReport importCsv(HttpServletRequest request) throws IOException {
        String source = query(request, "source");
        if (source == null) {
            throw new InvalidParameterException("source", "parameter source is required");
        }
        Path body = uploads.newFile(".csv");
        try {
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, body, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportReport report = imports.importCsv(source, body, ImportProgress.NONE);
            if (!report.applied()) {
                throw new ImportRejectedException(report);
            }
            return report;
        } finally {
            Files.deleteIfExists(body);
        }
    }

    @Operation(summary = "Import data.police.uk files (SEMANTICS section 9)",
            description = "The body is one data.police.uk CSV (name it with file=, or a Content-Disposition filename, "
                    + "e.g. 2024-01-metropolitan-street.csv) or a zip of them. Street files are applied before "
                    + "outcomes files whatever their order. The answer counts crimes (cases opened), outcome events, "
                    + "duplicates, rows without a crime id and status notes, and lists orphan outcomes; with any error "
                    + "(422, a problem document with the same counts and every error's file, line and column) "
                    + "nothing is applied.")
    @ApiResponse(responseCode = "200", description = "applied")
    @ApiResponse(responseCode = "422", description = "errors: nothing applied",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @Parameter(name = "source", in = ParameterIn.QUERY, description = "the import's source (default POLICE-UK)")
    @Parameter(name = "file", in = ParameterIn.QUERY,
            description = "the file's data.police.uk name, for a single CSV")
    @PostMapping(path = "/police-uk", consumes = "*/*")
    PoliceUkReport importPoliceUk(HttpServletRequest request) throws IOException {
        String source = query(request, "source");
        String file = query(request, "file");
        Path body = uploads.newFile(".upload");
        try {
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, body, StandardCopyOption.REPLACE_EXISTING);
            }
            String name = file != null ? file : uploadedName(request);
            if (!PoliceUkArchive.isZip(body) && name == null) {
                throw new InvalidParameterException("file", "a single CSV needs its data.police.uk name, e.g. "
                        + "file=2024-01-metropolitan-street.csv");
            }
            try (PoliceUkArchive archive = PoliceUkArchive.isZip(body) ? zip(body)
                    : PoliceUkArchive.single(body, name)) {
                PoliceUkReport report = policeUk.importArchive(source == null ? PoliceUkImportService.DEFAULT_SOURCE
                        : source, archive, ImportProgress.NONE);
                if (!report.applied()) {
                    throw new ImportRejectedException(report);
                }
                return report;
            }
        } finally {
            Files.deleteIfExists(body);
        }
    }

    private PoliceUkArchive zip(Path body) throws IOException {
        try {
            return PoliceUkArchive.open(body, limits.zipEntries(), limits.zipInflatedBytes().toBytes());
        } catch (ZipException corrupt) {
            throw new InvalidParameterException("body", "the body is not a readable zip: " + corrupt.getMessage());
        }
    }

    /**
     * A parameter of the query string only. Asking the servlet request for a parameter would read a body sent as a
     * form (curl's --data-binary sends one unless told otherwise) and leave nothing of the file to import.
     */
    private static String query(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        List<String> values = UriComponentsBuilder.newInstance().query(query).build().getQueryParams().get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return null;
        }
        return URLDecoder.decode(values.get(0), StandardCharsets.UTF_8);
    }

    private static String uploadedName(HttpServletRequest request) {
        String disposition = request.getHeader(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition == null) {
            return null;
        }
        return ContentDisposition.parse(disposition).getFilename();
    }
}
