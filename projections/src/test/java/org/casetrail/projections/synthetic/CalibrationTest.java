package org.casetrail.projections.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The synthetic history at the demo's size lands near the published figures of DOMAIN.md, within the tolerances
 * stated here (docs/calibration.md has the table).
 */
class CalibrationTest {

    /** The demo's size and seed: the scale at which the history is calibrated to national figures. */
    static final int CASES = 22_000;
    static final long SEED = 2025;

    @Test
    void the_demo_history_lands_near_the_published_headline_figures() {
        Calibration.Headlines measured = Calibration.measure(SEED, CASES);

        assertThat(measured.groupBasedCases2023()).as("group-based offences recorded in 2023: about 700")
                .isBetween(630L, 770L);
        assertThat(measured.suspectsEthnicityRecorded()).as("suspects with ethnicity recorded: about 37%")
                .isCloseTo(0.37, within(0.03));
        assertThat(measured.suspectsEthnicityNotRecorded()).as("perpetrators not recorded: about two thirds")
                .isBetween(0.60, 0.70);
        assertThat(measured.taskforceArrests()).as("arrests in the taskforce's first year: over 550")
                .isBetween(550L, 700L);
        assertThat(measured.taskforceVictims()).as("victims identified in that year: over 4,000")
                .isBetween(4_000L, 5_000L);
        assertThat(measured.intraFamilialShare2023()).as("group-based offending that was intra-familial: 26%")
                .isCloseTo(0.26, within(0.03));
        assertThat(measured.juvenileShareOfKnownAges2023()).as("suspects of known age aged 10 to 17: 48%")
                .isCloseTo(0.48, within(0.03));
        assertThat(measured.beaconportReopened()).as("closed cases to review again: more than 800, towards 1,000")
                .isBetween(800L, 1_273L);
        assertThat(measured.beaconportForces()).as("Beaconport referrals came from 23 forces").isEqualTo(23);
        assertThat(measured.nationalityRecorded2025()).as("nationality recorded for most suspects since 2025")
                .isBetween(0.80, 0.90);
        assertThat(measured.nonUkShareGroupCse()).as("a significant share of group-based CSE suspects non-UK")
                .isBetween(0.25, 0.35);
    }
}
