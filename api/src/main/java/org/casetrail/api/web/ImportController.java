package org.casetrail.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.casetrail.api.importing.ImportProgress;
import org.casetrail.api.importing.ImportReport;
import org.casetrail.api.importing.ImportService;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
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
    @PostMapping(consumes = "*/*")
    ImportReport importCsv(@Parameter(description = "the import's source, e.g. GMP-2024Q4") @RequestParam String source,
                           HttpServletRequest request) throws IOException {
        Path body = Files.createTempFile("casetrail-import-", ".csv");
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
}
