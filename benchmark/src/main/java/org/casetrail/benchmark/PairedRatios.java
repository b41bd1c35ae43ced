package org.casetrail.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A ratio measured as pairs taken alternately (baseline, measured, baseline, measured, ...), so that the machine's
 * drift within a run moves both sides of each pair alike: the median of the pairwise ratios, and their spread.
 */
final class PairedRatios {

    private final List<Measured> baselines = new ArrayList<>();
    private final List<Measured> measured = new ArrayList<>();

    void add(Measured baseline, Measured measuredSide) {
        baselines.add(baseline);
        measured.add(measuredSide);
    }

    List<Double> ratios() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            ratios.add(measured.get(i).ratioTo(baselines.get(i)));
        }
        return ratios;
    }

    double median() {
        List<Double> sorted = new ArrayList<>(ratios());
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** "0.512 (0.480 to 0.530, 5 pairs)". */
    String summary() {
        List<Double> ratios = ratios();
        return String.format(Locale.ROOT, "%.3f (%.3f to %.3f, %d pairs)", median(),
                ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), ratios.size());
    }

    /** Both sides' total events and seconds. */
    Measured total(boolean baseline) {
        List<Measured> side = baseline ? baselines : measured;
        return new Measured(side.stream().mapToLong(Measured::events).sum(),
                side.stream().mapToDouble(Measured::seconds).sum());
    }
}
