package org.casetrail.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.casetrail.api.support.CsvFiles;
import org.casetrail.api.support.IntegrationTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** A case reference written to be run by a spreadsheet reaches a trace's CSV and XLSX as plain text. */
@IntegrationTest
class ExportSafetyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Test
    void a_formula_in_imported_text_is_neutralised_in_every_export() throws Exception {
        String formula = "=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")-" + CsvFiles.unique("X");
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        String body = CsvFiles.csv("1,\"" + formula
                + "\",CASE_OPENED,2024-03-01,2024-03-01,E23000003,GROUP_CSE,,,,,,,");
        assertThat(http.postForEntity("/api/v1/imports?source=" + CsvFiles.unique("SRC"), new HttpEntity<>(body, csv),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode funnel = JSON.readTree(http.getForEntity("/api/v1/funnel?force=E23000003&unit=case&from=2024-03-01"
                + "&to=2024-03-01", String.class).getBody());
        String figureId = funnel.get("groups").get(0).get("stages").get(0).get("figureId").asText();

        String traceCsv = http.getForEntity("/api/v1/figures/" + figureId + "/trace?format=csv", String.class)
                .getBody();
        List<String> cells = new ArrayList<>();
        for (CSVRecord row : CSVFormat.RFC4180.parse(new StringReader(traceCsv))) {
            row.forEach(cells::add);
        }
        assertThat(cells).anyMatch(cell -> cell.contains("HYPERLINK"));
        assertThat(cells).filteredOn(cell -> cell.contains("HYPERLINK")).allMatch(cell -> cell.startsWith("'="));

        byte[] xlsx = http.getForEntity("/api/v1/figures/" + figureId + "/trace?format=xlsx", byte[].class).getBody();
        List<String> xlsxCells = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            workbook.getFirstSheet().read().forEach(row -> row.forEach(cell -> {
                if (cell != null) {
                    xlsxCells.add(cell.getRawValue());
                }
            }));
        }
        assertThat(xlsxCells).filteredOn(cell -> cell != null && cell.contains("HYPERLINK")).isNotEmpty()
                .allMatch(cell -> cell.startsWith("'="));
    }
}
