package org.casetrail.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The benchmark's ratios, worked by hand: events per second of the measured side over the baseline's, pair by pair. */
class PairedRatiosTest {

    @Test
    void the_median_of_the_pairwise_ratios_and_their_spread() {
        PairedRatios ratios = new PairedRatios();
        ratios.add(new Measured(1_000, 1.0), new Measured(500, 1.0));   // 500/s over 1,000/s: 0.5
        ratios.add(new Measured(1_000, 2.0), new Measured(400, 1.0));   // 400/s over 500/s: 0.8
        ratios.add(new Measured(3_000, 1.0), new Measured(600, 2.0));   // 300/s over 3,000/s: 0.1

        assertThat(ratios.ratios()).containsExactly(0.5, 0.8, 0.1);
        assertThat(ratios.median()).isEqualTo(0.5);
        assertThat(ratios.summary()).isEqualTo("0.500 (0.100 to 0.800, 3 pairs)");
        assertThat(ratios.total(true)).isEqualTo(new Measured(5_000, 4.0));
        assertThat(ratios.total(false)).isEqualTo(new Measured(1_500, 4.0));
    }

    @Test
    void an_even_number_of_pairs_takes_the_mean_of_the_middle_two() {
        PairedRatios ratios = new PairedRatios();
        ratios.add(new Measured(100, 1.0), new Measured(20, 1.0));
        ratios.add(new Measured(100, 1.0), new Measured(40, 1.0));
        ratios.add(new Measured(100, 1.0), new Measured(60, 1.0));
        ratios.add(new Measured(100, 1.0), new Measured(90, 1.0));

        assertThat(ratios.median()).isCloseTo(0.5, within(1e-12));
    }
}
