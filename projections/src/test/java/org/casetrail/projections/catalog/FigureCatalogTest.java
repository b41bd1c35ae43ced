package org.casetrail.projections.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class FigureCatalogTest {

    @Test
    void every_figure_has_its_own_name_and_path_and_a_summary() {
        List<FigureDeclaration<?>> figures = FigureCatalog.ALL;
        assertThat(figures.stream().map(FigureDeclaration::name)).doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[a-z]+(-[a-z]+)*"));
        assertThat(figures.stream().map(FigureDeclaration::path)).doesNotHaveDuplicates()
                .allMatch(path -> path.startsWith("/"));
        assertThat(figures).allSatisfy(figure -> assertThat(figure.summary()).isNotBlank());
        assertThat(FigureCatalog.named("ethnicity-completeness")).get()
                .extracting(FigureDeclaration::path).isEqualTo("/ethnicity/completeness");
        assertThat(FigureCatalog.named("pie")).isEmpty();
    }

    @Test
    void no_figure_redeclares_a_common_parameter_and_its_own_are_described() {
        Set<String> common = FigureParameter.COMMON.stream().map(FigureParameter::name).collect(Collectors.toSet());
        assertThat(FigureCatalog.ALL).allSatisfy(figure -> {
            assertThat(figure.parameters()).noneMatch(parameter -> common.contains(parameter.name()));
            assertThat(figure.parameters()).allSatisfy(parameter -> assertThat(parameter.description())
                    .isNotBlank());
            assertThat(common).containsAll(figure.commonParameters().stream().map(FigureParameter::name).toList());
        });
        assertThat(FigureCatalog.named("caseload").orElseThrow().commonParameters())
                .extracting(FigureParameter::name).doesNotContain("from", "to").contains("asOf", "position");
    }

    @Test
    void a_publication_freezes_the_dates_that_would_otherwise_be_today() {
        LocalDate today = LocalDate.of(2026, 11, 25);
        assertThat(FigureCatalog.named("lags").orElseThrow().frozenByPublication(Map.of(), today))
                .containsEntry("asOf", "2026-11-25");
        assertThat(FigureCatalog.named("lags").orElseThrow()
                .frozenByPublication(Map.of("asOf", "2024-01-01"), today)).isEmpty();
        assertThat(FigureCatalog.named("caseload").orElseThrow().frozenByPublication(Map.of(), today))
                .containsEntry("date", "2026-11-25");
        assertThat(FigureCatalog.named("funnel").orElseThrow().frozenByPublication(Map.of(), today))
                .isEmpty();
    }
}
