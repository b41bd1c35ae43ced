package org.casetrail.api.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.casetrail.projections.catalog.FigureTable;
import org.junit.jupiter.api.Test;

/** SEMANTICS 6.8: cells matched by group key and measure, a cell present on one side only null on the other. */
class FigureComparisonTest {

    private static final FigureTable.Symbol NOT_APPLICABLE = FigureTable.Symbol.NOT_APPLICABLE;

    @Test
    void givenTwoSides_whenCompared_thenEachMeasureHasItsDifferenceAndRatio() {
        FigureTable a = table(List.of("force", "count", "figureId"), row("A", 4, "q-1"), row("B", 0, "q-2"));
        FigureTable b = table(List.of("force", "count", "figureId"), row("A", 6, "r-1"), row("B", 3, "r-2"));

        List<FigureComparison.Row> rows = FigureComparison.compare(a, b);

        assertThat(rows).extracting(FigureComparison.Row::labels)
                .containsExactly(Map.of("force", "A"), Map.of("force", "B"));
        assertThat(rows.get(0).cells()).containsExactly(new FigureComparison.Cell("count", new BigDecimal("4"),
                new BigDecimal("6"), new BigDecimal("2"), new BigDecimal("1.5000")));
        assertThat(rows.get(1).cells()).containsExactly(new FigureComparison.Cell("count", new BigDecimal("0"),
                new BigDecimal("3"), new BigDecimal("3"), null));
    }

    @Test
    void givenSideAWithNoRows_whenCompared_thenSideBsNumbersStayAndSideAIsNull() {
        FigureTable a = table(List.of("force", "count", "figureId"));
        FigureTable b = table(List.of("force", "count", "figureId"), row("A", 7, "r-1"));

        List<FigureComparison.Row> rows = FigureComparison.compare(a, b);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.labels()).isEqualTo(Map.of("force", "A"));
            assertThat(row.cells()).containsExactly(new FigureComparison.Cell("count", null, new BigDecimal("7"),
                    null, null));
        });
    }

    @Test
    void givenALabelColumnWithASymbolOnSomeRows_whenCompared_thenItStaysALabelAndIsNoMeasure() {
        List<String> columns = List.of("breakdown", "suspectEthnicity", "victimEthnicity", "count", "figureId");
        FigureTable a = table(columns, row("suspects", "White", NOT_APPLICABLE, 10, "q-1"),
                row("pairs", "White", "Asian", 5, "q-2"));
        FigureTable b = table(columns, row("suspects", "White", NOT_APPLICABLE, 12, "r-1"),
                row("pairs", "White", "Asian", 5, "r-2"));

        List<FigureComparison.Row> rows = FigureComparison.compare(a, b);

        assertThat(rows).extracting(FigureComparison.Row::labels).containsExactly(
                Map.of("breakdown", "suspects", "suspectEthnicity", "White"),
                Map.of("breakdown", "pairs", "suspectEthnicity", "White", "victimEthnicity", "Asian"));
        assertThat(rows).allSatisfy(row -> assertThat(row.cells()).extracting(FigureComparison.Cell::measure)
                .containsExactly("count"));
        assertThat(rows.get(0).cells().get(0).difference()).isEqualByComparingTo("2");
    }

    @Test
    void givenAColumnNotApplicableOnEveryRow_whenCompared_thenItIsNoMeasure() {
        List<String> columns = List.of("breakdown", "suspectEthnicity", "victimEthnicity", "count", "figureId");
        FigureTable a = table(columns, row("suspects", "White", NOT_APPLICABLE, 10, "q-1"));
        FigureTable b = table(columns, row("suspects", "White", NOT_APPLICABLE, 12, "r-1"));

        List<FigureComparison.Row> rows = FigureComparison.compare(a, b);

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.cells())
                .extracting(FigureComparison.Cell::measure).containsExactly("count"));
    }

    @Test
    void givenTheEntryStagesRateNotApplicable_whenCompared_thenTheRateIsStillAMeasure() {
        List<String> columns = List.of("stage", "count", "rateFromPrevious", "figureId");
        FigureTable a = table(columns, row("ARRESTED", 10, NOT_APPLICABLE, "q-1"),
                row("CHARGED", 5, new BigDecimal("50.0"), "q-2"));
        FigureTable b = table(columns, row("ARRESTED", 8, NOT_APPLICABLE, "r-1"),
                row("CHARGED", 6, new BigDecimal("75.0"), "r-2"));

        List<FigureComparison.Row> rows = FigureComparison.compare(a, b);

        assertThat(rows).extracting(FigureComparison.Row::labels)
                .containsExactly(Map.of("stage", "ARRESTED"), Map.of("stage", "CHARGED"));
        assertThat(rows.get(1).cells()).extracting(FigureComparison.Cell::measure)
                .containsExactly("count", "rateFromPrevious");
        assertThat(rows.get(1).cells().get(1).difference()).isEqualByComparingTo("25.0");
        assertThat(rows.get(0).cells().get(1).a()).isNull();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @SafeVarargs
    private static FigureTable table(List<String> columns, List<Object>... rows) {
        FigureTable.Builder table = FigureTable.builder("test", columns);
        for (List<Object> row : rows) {
            table.row(row);
        }
        return table.build();
    }
}
