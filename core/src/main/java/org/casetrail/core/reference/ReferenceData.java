package org.casetrail.core.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.casetrail.core.pipeline.EventType;

/**
 * The reference lists Casetrail ships with (forces, ethnicity codes, outcome types, data.police.uk outcome labels),
 * read once from the classpath.
 */
public final class ReferenceData {

    private static final ReferenceData STANDARD = load();

    private final Map<String, PoliceForce> forcesByCode;
    private final Map<String, PoliceForce> forcesByPoliceUkName;
    private final Map<String, EthnicityCode> ethnicityCodes;
    private final Map<Integer, OutcomeType> outcomeTypes;
    private final Map<String, PoliceUkOutcome> policeUkOutcomes;

    private ReferenceData(Map<String, PoliceForce> forcesByCode, Map<String, EthnicityCode> ethnicityCodes,
                          Map<Integer, OutcomeType> outcomeTypes, Map<String, PoliceUkOutcome> policeUkOutcomes) {
        this.forcesByCode = Collections.unmodifiableMap(forcesByCode);
        Map<String, PoliceForce> byPoliceUkName = new LinkedHashMap<>();
        forcesByCode.values().forEach(force -> byPoliceUkName.put(force.policeUkName(), force));
        this.forcesByPoliceUkName = Collections.unmodifiableMap(byPoliceUkName);
        this.ethnicityCodes = Collections.unmodifiableMap(ethnicityCodes);
        this.outcomeTypes = Collections.unmodifiableMap(outcomeTypes);
        this.policeUkOutcomes = Collections.unmodifiableMap(policeUkOutcomes);
    }

    public static ReferenceData standard() {
        return STANDARD;
    }

    public Optional<PoliceForce> force(String onsCode) {
        return Optional.ofNullable(forcesByCode.get(onsCode));
    }

    public Optional<PoliceForce> forceByPoliceUkName(String policeUkName) {
        return Optional.ofNullable(forcesByPoliceUkName.get(policeUkName));
    }

    public Collection<PoliceForce> forces() {
        return forcesByCode.values();
    }

    public Optional<EthnicityCode> ethnicity(String code, EthnicityCode.Scheme scheme) {
        return Optional.ofNullable(ethnicityCodes.get(code)).filter(found -> found.scheme() == scheme);
    }

    /** Every ethnicity code, self-defined then officer-defined, in the reference list's order. */
    public Collection<EthnicityCode> ethnicityCodes() {
        return ethnicityCodes.values();
    }

    public Optional<OutcomeType> outcomeType(int number) {
        return Optional.ofNullable(outcomeTypes.get(number));
    }

    public Optional<PoliceUkOutcome> policeUkOutcome(String label) {
        return Optional.ofNullable(policeUkOutcomes.get(label));
    }

    public Collection<PoliceUkOutcome> policeUkOutcomes() {
        return policeUkOutcomes.values();
    }

    private static ReferenceData load() {
        Map<String, PoliceForce> forces = new LinkedHashMap<>();
        read("police-forces.csv", row -> forces.put(row.get("code"), new PoliceForce(row.get("code"), row.get("name"),
                row.get("police_uk_name"), row.get("country"), row.get("region"))));
        Map<String, EthnicityCode> ethnicity = new LinkedHashMap<>();
        read("ethnicity-codes.csv", row -> ethnicity.put(row.get("code"), new EthnicityCode(row.get("code"),
                "self-defined".equals(row.get("scheme")) ? EthnicityCode.Scheme.SELF_DEFINED
                        : EthnicityCode.Scheme.OFFICER_DEFINED, row.get("label"), row.get("group"))));
        Map<Integer, OutcomeType> outcomes = new LinkedHashMap<>();
        read("outcome-types.csv", row -> {
            int number = Integer.parseInt(row.get("number"));
            outcomes.put(number, new OutcomeType(number, row.get("description"), row.get("group")));
        });
        Map<String, PoliceUkOutcome> policeUk = new LinkedHashMap<>();
        read("police-uk-outcomes.csv", row -> policeUk.put(row.get("label"), new PoliceUkOutcome(row.get("label"),
                row.get("code"),
                Optional.of(row.get("pipeline_event")).filter(s -> !s.isBlank()).map(EventType::parse),
                Optional.of(row.get("outcome_type")).filter(s -> !s.isBlank()).map(Integer::valueOf))));
        return new ReferenceData(forces, ethnicity, outcomes, policeUk);
    }

    private static void read(String resource, Consumer<CSVRecord> rowHandler) {
        String path = "/reference/" + resource;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("reference list " + path + " is missing from the classpath");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                parser.forEach(rowHandler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference list " + path, e);
        }
    }
}
