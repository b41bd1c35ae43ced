package org.casetrail.projections.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time-to-event statistics of SEMANTICS 6.4: the Kaplan-Meier median (completed members are events, censored and
 * competing ones are censored at their times, events before censorings at equal times) and the cumulative incidence of
 * completion with exits as a competing risk (Aalen-Johansen). Each is decided on its exact value: it is worked out in
 * binary floating point, whose error is bounded, and again in exact fractions whenever a comparison or a rounding
 * falls within that bound of its threshold.
 */
public final class SurvivalStatistics {

    /** How one member's time ended. */
    public enum Outcome { COMPLETED, COMPETING, CENSORED }

    public record Observation(Outcome outcome, long time) {
    }

    public static final List<Integer> INCIDENCE_HORIZONS = List.of(30, 90, 180, 365);

    private SurvivalStatistics() {
    }

    /** The members of a group counted by time and outcome: what every statistic here is computed from. */
    public static final class Timeline {
        private static final int COUNT_BITS = 30;
        private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
        private static final int OUTCOMES = Outcome.values().length;

        /**
         * Each addition packed into one long, time in the high half (so that sorting the longs sorts by time, then
         * outcome), outcome and count below; sorted and merged once, when first read. A tree of boxed times with an
         * array each cost most of a lags call at a million members (docs/benchmarks.md).
         */
        private long[] added = new long[8];
        private int addedCount;
        private List<TimePoint> points;
        private long size;
        private long completed;
        private long completedDays;

        public static Timeline of(Collection<Observation> observations) {
            Timeline timeline = new Timeline();
            observations.forEach(observation -> timeline.add(observation.outcome(), observation.time(), 1));
            return timeline;
        }

        /** Counts {@code count} members whose time {@code time} ended by {@code outcome}. */
        public void add(Outcome outcome, long time, long count) {
            if (count < 0) {
                throw new IllegalArgumentException("a negative count of members: " + count);
            }
            long packedTime = (long) Math.toIntExact(time) << 32 | (long) outcome.ordinal() << COUNT_BITS;
            for (long remaining = count; remaining > 0; remaining -= Math.min(remaining, COUNT_MASK)) {
                if (addedCount == added.length) {
                    added = Arrays.copyOf(added, added.length * 2);
                }
                added[addedCount++] = packedTime | Math.min(remaining, COUNT_MASK);
            }
            points = null;
            size += count;
            if (outcome == Outcome.COMPLETED) {
                completed += count;
                completedDays += time * count;
            }
        }

        /** The nearest-rank quantile of the completed members' times; null if none completed. */
        public Long completedQuantile(int percent) {
            if (completed == 0) {
                return null;
            }
            long rank = Rates.rank(completed, percent);
            long seen = 0;
            for (TimePoint point : points()) {
                seen += point.completed;
                if (seen >= rank) {
                    return point.time;
                }
            }
            throw new IllegalStateException("rank " + rank + " beyond " + completed + " completed members");
        }

        /** The mean of the completed members' times to 2 decimals; null if none completed. */
        public BigDecimal completedMean() {
            return Rates.mean(completedDays, completed);
        }

        /** A point per distinct time, in order, with the members at risk just before it. */
        private List<TimePoint> points() {
            if (points != null) {
                return points;
            }
            Arrays.sort(added, 0, addedCount);
            List<TimePoint> merged = new ArrayList<>();
            long atRisk = size;
            int i = 0;
            while (i < addedCount) {
                long time = added[i] >> 32;
                long[] counts = new long[OUTCOMES];
                for (; i < addedCount && added[i] >> 32 == time; i++) {
                    counts[(int) (added[i] >>> COUNT_BITS & 3)] += added[i] & COUNT_MASK;
                }
                merged.add(new TimePoint(time, counts[0], counts[1], counts[2], atRisk));
                atRisk -= counts[0] + counts[1] + counts[2];
            }
            points = List.copyOf(merged);
            return points;
        }
    }

    /** The smallest time at which Kaplan-Meier survival is at most one half; null if it never gets there. */
    public static Long kaplanMeierMedian(Timeline timeline) {
        return decided(timeline, SurvivalStatistics::kaplanMeierMedian);
    }

    private static <T> Long kaplanMeierMedian(List<TimePoint> points, Arithmetic<T> arithmetic) {
        T survival = arithmetic.one();
        for (TimePoint point : points) {
            if (point.completed > 0) {
                survival = arithmetic.times(survival,
                        arithmetic.ratio(point.atRisk - point.completed, point.atRisk));
                if (arithmetic.atMostHalf(survival)) {
                    return point.time;
                }
            }
        }
        return null;
    }

    /**
     * The cumulative incidence of completion at each horizon (days), to 4 decimals: the sum over event times t up to
     * the horizon of S(t-) * completed(t) / at-risk(t), S the survival from either cause. Null without observations.
     */
    public static Map<Integer, BigDecimal> cumulativeIncidence(Timeline timeline) {
        if (timeline.size == 0) {
            Map<Integer, BigDecimal> none = new LinkedHashMap<>();
            INCIDENCE_HORIZONS.forEach(horizon -> none.put(horizon, null));
            return none;
        }
        return decided(timeline, SurvivalStatistics::cumulativeIncidence);
    }

    private static <T> Map<Integer, BigDecimal> cumulativeIncidence(List<TimePoint> points, Arithmetic<T> arithmetic) {
        Map<Integer, BigDecimal> incidence = new LinkedHashMap<>();
        Steps<T> steps = new Steps<>(arithmetic);
        int next = 0;
        for (int horizon : INCIDENCE_HORIZONS) {
            while (next < points.size() && points.get(next).time <= horizon) {
                steps.step(points.get(next++));
            }
            incidence.put(horizon, arithmetic.rounded(steps.incidence));
        }
        return incidence;
    }

    /**
     * One step of the curves (SEMANTICS 6.4, {@code curve=true}): at time {@code t}, the members at risk and those whose
     * time it is by class, the Kaplan-Meier survival just after t and the cumulative incidence up to and including t.
     */
    public record CurvePoint(long t, long atRisk, long completed, long competing, long censored, BigDecimal survival,
                             BigDecimal cumulativeIncidence) {
    }

    /** A point per distinct time at which a completed, competing or censored member has its time, in order. */
    public static List<CurvePoint> curve(Timeline timeline) {
        return decided(timeline, SurvivalStatistics::curve);
    }

    private static <T> List<CurvePoint> curve(List<TimePoint> points, Arithmetic<T> arithmetic) {
        List<CurvePoint> curve = new ArrayList<>(points.size());
        Steps<T> steps = new Steps<>(arithmetic);
        for (TimePoint point : points) {
            steps.step(point);
            curve.add(new CurvePoint(point.time, point.atRisk, point.completed, point.competing, point.censored,
                    arithmetic.rounded(steps.survival), arithmetic.rounded(steps.incidence)));
        }
        return curve;
    }

    /** Kaplan-Meier survival, survival from either cause and cumulative incidence, advanced one time at a time. */
    private static final class Steps<T> {
        private final Arithmetic<T> arithmetic;
        private T survival;
        private T eitherCauseBefore;
        private T incidence;

        Steps(Arithmetic<T> arithmetic) {
            this.arithmetic = arithmetic;
            this.survival = arithmetic.one();
            this.eitherCauseBefore = arithmetic.one();
            this.incidence = arithmetic.zero();
        }

        void step(TimePoint point) {
            if (point.completed > 0) {
                survival = arithmetic.times(survival, arithmetic.ratio(point.atRisk - point.completed, point.atRisk));
                incidence = arithmetic.plus(incidence,
                        arithmetic.times(eitherCauseBefore, arithmetic.ratio(point.completed, point.atRisk)));
            }
            long events = point.completed + point.competing;
            if (events > 0) {
                eitherCauseBefore = arithmetic.times(eitherCauseBefore,
                        arithmetic.ratio(point.atRisk - events, point.atRisk));
            }
        }
    }

    private record TimePoint(long time, long completed, long competing, long censored, long atRisk) {
    }

    /** A statistic in floating point when that decides it, else in exact fractions. */
    private static <R> R decided(Timeline timeline, Statistic<R> statistic) {
        List<TimePoint> points = timeline.points();
        if (points.size() <= Floating.MAX_STEPS) {
            try {
                return statistic.of(points, Floating.INSTANCE);
            } catch (Floating.Undecided undecided) {
                // within the error bound of a threshold: the exact arithmetic decides
            }
        }
        return statistic.of(points, Exact.INSTANCE);
    }

    private interface Statistic<R> {
        <T> R of(List<TimePoint> points, Arithmetic<T> arithmetic);
    }

    /** What the statistics compute with. Every factor is a ratio of whole numbers, one division each. */
    private interface Arithmetic<T> {
        T one();

        T zero();

        T ratio(long numerator, long denominator);

        T times(T a, T b);

        T plus(T a, T b);

        boolean atMostHalf(T value);

        BigDecimal rounded(T value);
    }

    private static final class Exact implements Arithmetic<Fraction> {
        static final Exact INSTANCE = new Exact();

        public Fraction one() {
            return Fraction.ONE;
        }

        public Fraction zero() {
            return Fraction.ZERO;
        }

        public Fraction ratio(long numerator, long denominator) {
            return Fraction.of(numerator, denominator);
        }

        public Fraction times(Fraction a, Fraction b) {
            return a.times(b);
        }

        public Fraction plus(Fraction a, Fraction b) {
            return a.plus(b);
        }

        public boolean atMostHalf(Fraction value) {
            return value.atMostHalf();
        }

        public BigDecimal rounded(Fraction value) {
            return value.rounded(4);
        }
    }

    /**
     * Binary floating point with its error bounded: each ratio is one correctly rounded division and each product or
     * sum one rounding, so after n steps of values in [0, 1] the error is below (3n + 3) * 2^-53, under 1e-9 while n is
     * at most {@link #MAX_STEPS}. A comparison or rounding closer than that to its threshold is undecided.
     */
    private static final class Floating implements Arithmetic<Double> {
        static final Floating INSTANCE = new Floating();
        static final int MAX_STEPS = 1_000_000;
        private static final double ERROR = 1e-9;

        /** Thrown, without a stack trace, when the floating-point value cannot decide. */
        static final class Undecided extends RuntimeException {
            Undecided() {
                super("undecided in floating point", null, false, false);
            }
        }

        private static final Undecided UNDECIDED = new Undecided();

        public Double one() {
            return 1.0;
        }

        public Double zero() {
            return 0.0;
        }

        public Double ratio(long numerator, long denominator) {
            return (double) numerator / denominator;
        }

        public Double times(Double a, Double b) {
            return a * b;
        }

        public Double plus(Double a, Double b) {
            return a + b;
        }

        public boolean atMostHalf(Double value) {
            if (Math.abs(value - 0.5) <= ERROR) {
                throw UNDECIDED;
            }
            return value < 0.5;
        }

        public BigDecimal rounded(Double value) {
            double scaled = value * 10_000;
            if (Math.abs(scaled - Math.floor(scaled) - 0.5) <= ERROR * 10_000 * 2) {
                throw UNDECIDED;
            }
            return BigDecimal.valueOf(Math.round(scaled), 4);
        }
    }
}
