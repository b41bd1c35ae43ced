package org.casetrail.projections.catalog;

import java.util.List;
import java.util.Optional;

/** Every figure Casetrail offers. A new figure is its computation in {@code figures} and one line here. */
public final class FigureCatalog {

    public static final List<FigureDeclaration<?>> ALL = List.of(
            new FunnelDeclaration(),
            new PeriodCountsDeclaration(),
            new LagsDeclaration(),
            new ColdCasesDeclaration(),
            new EthnicityDeclaration(),
            new NationalityDeclaration(),
            new CaseloadDeclaration(),
            new CompletenessDeclaration());

    private FigureCatalog() {
    }

    public static Optional<FigureDeclaration<?>> named(String name) {
        return ALL.stream().filter(figure -> figure.name().equals(name)).findFirst();
    }

    /** Every figure's name: funnel, period-counts, ... */
    public static String names() {
        return String.join(", ", ALL.stream().map(FigureDeclaration::name).toList());
    }
}
