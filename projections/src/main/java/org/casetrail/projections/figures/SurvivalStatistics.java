package org.casetrail.projections.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The time-to-event statistics of SEMANTICS 6.4, in exact arithmetic: the Kaplan-Meier median (completed members are
 * events, censored and competing ones are censored at their times, events before censorings at equal times) and the
 * cumulative incidence of completion with exits as a competing risk (Aalen-Johansen).
 */
public final class SurvivalStatistics {

    /** How one member's time ended. */
    public enum Outcome { COMPLETED, COMPETING, CENSORED }

    public record Observation(Outcome outcome, long time) {
    }

    public static final List<Integer> INCIDENCE_HORIZONS = List.of(30, 90, 180, 365);

    private SurvivalStatistics() {
    }

    /** The smallest time at which Kaplan-Meier survival is at most one half; null if it never gets there. */
    public static Long kaplanMeierMedian(List<Observation> observations) {
        Fraction survival = Fraction.ONE;
        for (TimePoint point : timePoints(observations)) {
            if (point.completed > 0) {
                survival = survival.times(Fraction.of(point.completed, point.atRisk).oneMinus());
                if (survival.atMostHalf()) {
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
    public static Map<Integer, BigDecimal> cumulativeIncidence(List<Observation> observations) {
        Map<Integer, BigDecimal> incidence = new LinkedHashMap<>();
        if (observations.isEmpty()) {
            INCIDENCE_HORIZONS.forEach(horizon -> incidence.put(horizon, null));
            return incidence;
        }
        List<TimePoint> points = timePoints(observations);
        for (int horizon : INCIDENCE_HORIZONS) {
            Fraction survivalBefore = Fraction.ONE;
            Fraction sum = Fraction.ZERO;
            for (TimePoint point : points) {
                if (point.time > horizon) {
                    break;
                }
                if (point.completed > 0) {
                    sum = sum.plus(survivalBefore.times(Fraction.of(point.completed, point.atRisk)));
                }
                long events = point.completed + point.competing;
                if (events > 0) {
                    survivalBefore = survivalBefore.times(Fraction.of(events, point.atRisk).oneMinus());
                }
            }
            incidence.put(horizon, sum.rounded(4));
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
    public static List<CurvePoint> curve(List<Observation> observations) {
        List<CurvePoint> curve = new ArrayList<>();
        Fraction survival = Fraction.ONE;
        Fraction eitherCauseBefore = Fraction.ONE;
        Fraction incidence = Fraction.ZERO;
        for (TimePoint point : timePoints(observations)) {
            if (point.completed > 0) {
                Fraction hazard = Fraction.of(point.completed, point.atRisk);
                survival = survival.times(hazard.oneMinus());
                incidence = incidence.plus(eitherCauseBefore.times(hazard));
            }
            long events = point.completed + point.competing;
            if (events > 0) {
                eitherCauseBefore = eitherCauseBefore.times(Fraction.of(events, point.atRisk).oneMinus());
            }
            curve.add(new CurvePoint(point.time, point.atRisk, point.completed, point.competing, point.censored,
                    survival.rounded(4), incidence.rounded(4)));
        }
        return curve;
    }

    private record TimePoint(long time, long completed, long competing, long censored, long atRisk) {
    }

    private static List<TimePoint> timePoints(List<Observation> observations) {
        TreeMap<Long, long[]> byTime = new TreeMap<>();
        for (Observation observation : observations) {
            byTime.computeIfAbsent(observation.time(), time -> new long[3])[observation.outcome().ordinal()]++;
        }
        List<TimePoint> points = new ArrayList<>();
        long atRisk = observations.size();
        for (Map.Entry<Long, long[]> entry : byTime.entrySet()) {
            long[] counts = entry.getValue();
            points.add(new TimePoint(entry.getKey(), counts[0], counts[1], counts[2], atRisk));
            atRisk -= counts[0] + counts[1] + counts[2];
        }
        points.sort(Comparator.comparingLong(TimePoint::time));
        return points;
    }
}
