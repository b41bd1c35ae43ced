package org.casetrail.projections.catalog;

/** What every declaration states the same way: its name, path, summary and description, given once. */
abstract class DescribedFigure<A extends FigureAnswer> implements FigureDeclaration<A> {

    private final String name;
    private final String path;
    private final String summary;
    private final String description;

    DescribedFigure(String name, String summary, String description) {
        this(name, "/" + name, summary, description);
    }

    DescribedFigure(String name, String path, String summary, String description) {
        this.name = name;
        this.path = path;
        this.summary = summary;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String path() {
        return path;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final String description() {
        return description;
    }
}
