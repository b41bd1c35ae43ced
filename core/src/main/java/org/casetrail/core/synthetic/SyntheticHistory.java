package org.casetrail.core.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.casetrail.core.csv.PipelineColumn;
import org.casetrail.core.pipeline.CaseContext;
import org.casetrail.core.pipeline.EventType;
import org.casetrail.core.reference.PoliceForce;
import org.casetrail.core.reference.ReferenceData;

/**
 * Writes a synthetic history of cases as a pipeline event CSV: the same seed and size always give the same file. One
 * case is generated and written at a time, so a million cases need no more memory than one.
 * <p>
 * Every figure it produces is synthetic and must be presented as such.
 */
public final class SyntheticHistory {

    /** The last day the history knows of: nothing is dated or reported later. */
    public static final LocalDate HORIZON = LocalDate.of(2025, 11, 30);
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    private static final String[] SELF_CODES = {"W1", "W1", "W1", "W2", "W9", "A1", "A2", "A2", "A3", "A9", "B1",
            "B2", "M1", "M9", "O2", "O9"};
    private static final String[] OFFICER_CODES = {"IC1", "IC1", "IC2", "IC3", "IC4", "IC4", "IC5", "IC6"};

    /** How much more each year records than the one before. */
    static final double YEARLY_GROWTH = 0.13;
    static final double SUSPECT_ETHNICITY_RECORDED = 0.37;
    static final double INTERVIEW_INSTEAD_OF_ARREST = 0.40;
    static final double NEVER_CONTACTED = 0.52;
    static final double BEACONPORT_REOPENED = 0.23;
    static final LocalDate BEACONPORT_FROM = LocalDate.of(2010, 1, 1);
    static final LocalDate BEACONPORT_TO = LocalDate.of(2025, 3, 31);
    private static final Map<CaseContext, Double> CONTEXT_SHARES = new LinkedHashMap<>();
    static final double NATIONALITY_RECORDED_BEFORE_2023 = 0.30;
    static final double NATIONALITY_RECORDED_2023_2024 = 0.55;
    static final double NATIONALITY_RECORDED_FROM_2025 = 0.85;
    static final double NON_UK_GROUP_CSE = 0.30;
    static final double NON_UK_OTHER = 0.12;
    /** Non-UK nationalities, drawn evenly: an assumption, not a published distribution. */
    private static final List<String> NON_UK_CODES = List.of("PAK", "AFG", "IRQ", "ROU", "ALB", "ERI", "SYR", "IRN",
            "POL", "SDN", "IND", "BGD", "SOM", "LTU", "NGA");
    private static final long NATIONALITY_STREAM = 0x9E3779B97F4A7C15L;

    static {
        CONTEXT_SHARES.put(CaseContext.GROUP_CSE, 0.20);
        CONTEXT_SHARES.put(CaseContext.INTRA_FAMILIAL, 0.30);
        CONTEXT_SHARES.put(CaseContext.PEER_ON_PEER, 0.15);
        CONTEXT_SHARES.put(CaseContext.ONLINE, 0.17);
        CONTEXT_SHARES.put(CaseContext.INSTITUTIONAL, 0.05);
        CONTEXT_SHARES.put(CaseContext.OTHER, 0.06);
    }

    private final long seed;
    private final int cases;
    private final String sourcePrefix;
    private final List<PoliceForce> forces;
    /** The 23 forces whose no-further-action decisions Operation Beaconport reviews. */
    private final Set<String> beaconportForces;
    private final double totalYearWeight;

    public SyntheticHistory(long seed, int cases, String sourcePrefix) {
        this.seed = seed;
        this.cases = cases;
        this.sourcePrefix = sourcePrefix;
        this.forces = List.copyOf(ReferenceData.standard().forces());
        this.beaconportForces = forces.stream().limit(23).map(PoliceForce::code)
                .collect(Collectors.toSet());
        double total = 0;
        for (int year = FIRST_DAY.getYear(); year <= HORIZON.getYear(); year++) {
            total += yearWeight(year);
        }
        this.totalYearWeight = total;
    }

    private static double yearWeight(int year) {
        double weight = Math.exp(YEARLY_GROWTH * (year - FIRST_DAY.getYear()));
        return year == HORIZON.getYear() ? weight * HORIZON.getDayOfYear() / 365.0 : weight;
    }

    /** Writes the header and every case; returns the number of rows written. */
    public long write(Writer out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord(Arrays.stream(PipelineColumn.values()).map(PipelineColumn::header).toList());
            long rows = 0;
            for (int i = 0; i < cases; i++) {
                long caseSeed = seed * 1_000_003L + i;
                CaseWriter writer = new CaseWriter(new SplittableRandom(caseSeed),
                        new SplittableRandom(Long.rotateLeft(caseSeed, 17) ^ NATIONALITY_STREAM), i);
                for (Map<PipelineColumn, String> row : writer.rows()) {
                    List<String> values = new ArrayList<>(PipelineColumn.values().length);
                    for (PipelineColumn column : PipelineColumn.values()) {
                        values.add(row.getOrDefault(column, ""));
                    }
                    printer.printRecord(values);
                    rows++;
                }
            }
            printer.flush();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates one case's rows. */
    private final class CaseWriter {
        private final SplittableRandom random;
        /** Nationality draws from a stream of its own, so that it moves no other figure of the history. */
        private final SplittableRandom nationalities;
        private final String caseRef;
        private final List<Map<PipelineColumn, String>> rows = new ArrayList<>();
        private int rowNumber;

        CaseWriter(SplittableRandom random, SplittableRandom nationalities, int index) {
            this.random = random;
            this.nationalities = nationalities;
            this.caseRef = sourcePrefix + "-" + index;
        }

        List<Map<PipelineColumn, String>> rows() {
            PoliceForce force = forces.get(random.nextInt(forces.size()));
            CaseContext context = context();
            LocalDate opened = openingDay();
            LocalDate offenceFrom = opened.minusDays(30 + random.nextInt(context == CaseContext.GROUP_CSE ? 1500 : 600));
            Map<PipelineColumn, String> open = row(EventType.CASE_OPENED, opened, lag(opened));
            open.put(PipelineColumn.FORCE_CODE, force.code());
            open.put(PipelineColumn.CONTEXT, context.name());
            open.put(PipelineColumn.OFFENCE_FROM, offenceFrom.toString());

            int victims = victimCount(context);
            for (int v = 1; v <= victims; v++) {
                Map<PipelineColumn, String> victim = row(EventType.VICTIM_RECORDED, opened, lag(opened));
                victim.put(PipelineColumn.VICTIM_REF, "V" + v);
                person(victim, victimAge(context), random.nextDouble() < 0.8 ? "F" : "M", 0.5);
            }
            int suspects = suspectCount(context);
            LocalDate lastExit = null;
            boolean anyOpen = false;
            for (int s = 1; s <= suspects; s++) {
                SuspectPath path = suspect("S" + s, opened, context);
                anyOpen |= path.open;
                if (path.exit != null && (lastExit == null || path.exit.isAfter(lastExit))) {
                    lastExit = path.exit;
                }
            }
            if (!anyOpen) {
                LocalDate closed = (lastExit == null ? opened : lastExit).plusDays(random.nextInt(120));
                if (!closed.isAfter(HORIZON)) {
                    Map<PipelineColumn, String> close = row(EventType.CASE_CLOSED, closed, lag(closed));
                    close.put(PipelineColumn.OUTCOME_TYPE, suspects == 0 ? "18" : pick("16", "14", "10", "21", "15"));
                    reopen(closed, context, suspects, force);
                }
            }
            return rows;
        }

        /**
         * Operation Beaconport: closures with no further action taken from 2010 to March 2025 in the reviewing forces
         * are referred in 2025, and some reopened, a few with an arrest after.
         */
        private void reopen(LocalDate closed, CaseContext context, int suspects, PoliceForce force) {
            boolean beaconportWindow = !closed.isBefore(BEACONPORT_FROM) && !closed.isAfter(BEACONPORT_TO);
            boolean inScope = context == CaseContext.GROUP_CSE || context == CaseContext.INTRA_FAMILIAL
                    || context == CaseContext.PEER_ON_PEER;
            if (beaconportWindow && inScope && suspects > 0 && beaconportForces.contains(force.code())
                    && random.nextDouble() < BEACONPORT_REOPENED) {
                LocalDate reopened = LocalDate.of(2025, 4, 1).plusDays(random.nextInt(200));
                Map<PipelineColumn, String> row = row(EventType.CASE_REOPENED, reopened, lag(reopened));
                row.put(PipelineColumn.OPERATION, "BEACONPORT");
                if (random.nextDouble() < 0.3) {
                    LocalDate arrested = reopened.plusDays(7 + random.nextInt(40));
                    if (!arrested.isAfter(HORIZON)) {
                        suspectRow(EventType.ARRESTED, "S1", arrested);
                    }
                }
            }
        }

        private record SuspectPath(LocalDate exit, boolean open) {
        }

        private SuspectPath suspect(String ref, LocalDate opened, CaseContext context) {
            LocalDate identified = opened.plusDays(random.nextInt(60));
            if (identified.isAfter(HORIZON)) {
                return new SuspectPath(null, true);
            }
            Map<PipelineColumn, String> row = suspectRow(EventType.SUSPECT_IDENTIFIED, ref, identified);
            person(row, suspectAge(context), random.nextDouble() < 0.93 ? "M" : "F", SUSPECT_ETHNICITY_RECORDED);
            nationality(row, identified, context);
            boolean interview = random.nextDouble() < INTERVIEW_INSTEAD_OF_ARREST;
            if (random.nextDouble() < NEVER_CONTACTED) {
                return exitBeforeCharge(ref, identified);
            }
            LocalDate first = step(identified, 5, 200);
            if (first == null) {
                return new SuspectPath(null, true);
            }
            Map<PipelineColumn, String> contact = suspectRow(interview ? EventType.INTERVIEWED : EventType.ARRESTED,
                    ref, first);
            maybeCorrect(contact, first);
            if (random.nextDouble() < 0.62) {
                return exitBeforeCharge(ref, first);
            }
            LocalDate charged = step(first, 20, 400);
            if (charged == null) {
                return new SuspectPath(null, true);
            }
            suspectRow(EventType.CHARGED, ref, charged);
            if (random.nextDouble() < 0.08) {
                return exit(ref, EventType.DISCONTINUED, step(charged, 10, 120), null);
            }
            LocalDate court = step(charged, 7, 60);
            if (court == null) {
                return new SuspectPath(null, true);
            }
            suspectRow(EventType.PROSECUTED, ref, court);
            double verdict = random.nextDouble();
            LocalDate decided = step(court, 60, 500);
            if (verdict < 0.68) {
                SuspectPath path = exit(ref, EventType.CONVICTED, decided, null);
                if (path.exit != null && random.nextDouble() < 0.03) {
                    LocalDate quashed = step(path.exit, 200, 900);
                    if (quashed != null) {
                        suspectRow(EventType.CONVICTION_QUASHED, ref, quashed);
                    }
                }
                return path;
            }
            return exit(ref, verdict < 0.9 ? EventType.ACQUITTED : EventType.DISCONTINUED, decided, null);
        }

        /**
         * Recorded for few suspects before 2023, for about half in 2023 and 2024, and for most since recording
         * became a requirement in 2025; non-UK for more group-based CSE suspects than others (docs/calibration.md).
         */
        private void nationality(Map<PipelineColumn, String> row, LocalDate identified, CaseContext context) {
            int year = identified.getYear();
            double recorded = year >= 2025 ? NATIONALITY_RECORDED_FROM_2025 : year >= 2023
                    ? NATIONALITY_RECORDED_2023_2024 : NATIONALITY_RECORDED_BEFORE_2023;
            if (nationalities.nextDouble() >= recorded) {
                return;
            }
            double nonUk = context == CaseContext.GROUP_CSE ? NON_UK_GROUP_CSE : NON_UK_OTHER;
            row.put(PipelineColumn.NATIONALITY, nationalities.nextDouble() < nonUk
                    ? NON_UK_CODES.get(nationalities.nextInt(NON_UK_CODES.size())) : "GBR");
        }

        private SuspectPath exitBeforeCharge(String ref, LocalDate from) {
            double roll = random.nextDouble();
            LocalDate decided = step(from, 30, 500);
            if (roll < 0.8) {
                return exit(ref, EventType.NFA, decided, pick("15", "16", "14", "10", "21"));
            }
            if (roll < 0.9) {
                return exit(ref, EventType.OUT_OF_COURT, decided, pick("3", "2", "8"));
            }
            return new SuspectPath(null, true);
        }

        private SuspectPath exit(String ref, EventType type, LocalDate on, String outcomeType) {
            if (on == null) {
                return new SuspectPath(null, true);
            }
            Map<PipelineColumn, String> row = suspectRow(type, ref, on);
            if (outcomeType != null) {
                row.put(PipelineColumn.OUTCOME_TYPE, outcomeType);
            }
            if (random.nextDouble() < 0.004) {
                Map<PipelineColumn, String> retraction = row(EventType.RETRACTION, null, capped(lag(on).plusDays(30)));
                retraction.put(PipelineColumn.CORRECTS_ROW_ID, row.get(PipelineColumn.SOURCE_ROW_ID));
                retraction.put(PipelineColumn.NOTE, "entered in error");
                return new SuspectPath(null, true);
            }
            return new SuspectPath(on, false);
        }

        private void maybeCorrect(Map<PipelineColumn, String> original, LocalDate on) {
            if (random.nextDouble() < 0.02) {
                LocalDate corrected = on.minusDays(1 + random.nextInt(10));
                Map<PipelineColumn, String> row = row(EventType.CORRECTION, null, capped(lag(on).plusDays(20)));
                row.put(PipelineColumn.CORRECTS_ROW_ID, original.get(PipelineColumn.SOURCE_ROW_ID));
                row.put(PipelineColumn.OCCURRED_ON, corrected.toString());
                row.put(PipelineColumn.NOTE, "date corrected");
            }
        }

        /** A later day, or null when it would fall past the horizon (the history has not got there yet). */
        private LocalDate step(LocalDate from, int minDays, int spreadDays) {
            LocalDate next = from.plusDays(minDays + random.nextInt(spreadDays));
            return next.isAfter(HORIZON) ? null : next;
        }

        private LocalDate lag(LocalDate occurred) {
            return capped(occurred.plusDays(random.nextDouble() < 0.05 ? 90 + random.nextInt(600)
                    : random.nextInt(21)));
        }

        private LocalDate capped(LocalDate day) {
            return day.isAfter(HORIZON) ? HORIZON : day;
        }

        private void person(Map<PipelineColumn, String> row, int age, String sex, double recorded) {
            if (random.nextDouble() < 0.9) {
                row.put(PipelineColumn.AGE, Integer.toString(age));
            }
            row.put(PipelineColumn.SEX, sex);
            double roll = random.nextDouble();
            if (roll < recorded * 0.8) {
                row.put(PipelineColumn.ETHNICITY, pick(SELF_CODES));
            } else if (roll < recorded) {
                row.put(PipelineColumn.OFFICER_ETHNICITY, pick(OFFICER_CODES));
            } else if (random.nextDouble() < 0.3) {
                row.put(PipelineColumn.ETHNICITY, "NS");
            }
        }

        private CaseContext context() {
            double roll = random.nextDouble();
            double cumulative = 0;
            for (Map.Entry<CaseContext, Double> share : CONTEXT_SHARES.entrySet()) {
                cumulative += share.getValue();
                if (roll < cumulative) {
                    return share.getKey();
                }
            }
            return CaseContext.UNKNOWN;
        }

        /** Cases are recorded more each year: the weight of a year grows by {@link #YEARLY_GROWTH}. */
        private LocalDate openingDay() {
            double roll = random.nextDouble() * totalYearWeight;
            int year = FIRST_DAY.getYear();
            while (year < HORIZON.getYear() && roll >= yearWeight(year)) {
                roll -= yearWeight(year);
                year++;
            }
            LocalDate start = LocalDate.of(year, 1, 1);
            LocalDate end = year == HORIZON.getYear() ? HORIZON : LocalDate.of(year, 12, 31);
            return start.plusDays(random.nextInt((int) (end.toEpochDay() - start.toEpochDay()) + 1));
        }

        private int suspectCount(CaseContext context) {
            return switch (context) {
                case GROUP_CSE -> random.nextDouble() < 0.10 ? 0 : 2 + geometric(0.45, 8);
                case INTRA_FAMILIAL -> random.nextDouble() < 0.08 ? 0 : 1 + (random.nextDouble() < 0.38
                        ? 1 + random.nextInt(2) : 0);
                case PEER_ON_PEER -> 1 + (random.nextDouble() < 0.35 ? 1 + random.nextInt(3) : 0);
                case ONLINE -> random.nextDouble() < 0.2 ? 0 : 1 + (random.nextDouble() < 0.08 ? 1 : 0);
                default -> random.nextDouble() < 0.15 ? 0 : 1 + (random.nextDouble() < 0.15 ? 1 : 0);
            };
        }

        private int victimCount(CaseContext context) {
            return switch (context) {
                case GROUP_CSE -> 1 + geometric(0.11, 30);
                case INTRA_FAMILIAL, PEER_ON_PEER -> 1 + geometric(0.55, 4);
                case ONLINE -> 1 + geometric(0.5, 6);
                default -> 1 + geometric(0.7, 3);
            };
        }

        /** 0, 1, 2 ... with each further one at the chance {@code 1 - stop}, at most {@code max}. */
        private int geometric(double stop, int max) {
            int count = 0;
            while (count < max && random.nextDouble() >= stop) {
                count++;
            }
            return count;
        }

        private int victimAge(CaseContext context) {
            double adult = context == CaseContext.GROUP_CSE ? 0.05 : 0.15;
            return random.nextDouble() < adult ? 18 + random.nextInt(8) : 10 + random.nextInt(8);
        }

        private int suspectAge(CaseContext context) {
            double juvenile = switch (context) {
                case GROUP_CSE -> 0.38;
                case INTRA_FAMILIAL -> 0.46;
                case PEER_ON_PEER -> 0.95;
                case ONLINE -> 0.30;
                default -> 0.20;
            };
            return random.nextDouble() < juvenile ? 10 + random.nextInt(8) : 18 + random.nextInt(45);
        }

        private Map<PipelineColumn, String> suspectRow(EventType type, String suspectRef, LocalDate on) {
            Map<PipelineColumn, String> row = row(type, on, lag(on));
            row.put(PipelineColumn.SUSPECT_REF, suspectRef);
            return row;
        }

        private Map<PipelineColumn, String> row(EventType type, LocalDate occurred, LocalDate reported) {
            Map<PipelineColumn, String> row = new EnumMap<>(PipelineColumn.class);
            row.put(PipelineColumn.SOURCE_ROW_ID, caseRef + "-" + (++rowNumber));
            row.put(PipelineColumn.CASE_REF, caseRef);
            row.put(PipelineColumn.EVENT_TYPE, type.name());
            if (occurred != null) {
                row.put(PipelineColumn.OCCURRED_ON, occurred.toString());
            }
            row.put(PipelineColumn.REPORTED_ON, reported.toString());
            rows.add(row);
            return row;
        }

        private String pick(String... options) {
            return options[random.nextInt(options.length)];
        }
    }
}
