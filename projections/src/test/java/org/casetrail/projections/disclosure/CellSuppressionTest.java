package org.casetrail.projections.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.casetrail.projections.disclosure.CellSuppression.Family;
import org.junit.jupiter.api.Test;

/** SEMANTICS 8's primary and secondary rules on tables small enough to work by hand. */
class CellSuppressionTest {

    @Test
    void primaryHidesOneToFourAndShowsZero() {
        assertThat(CellSuppression.suppress(new long[]{0, 1, 4, 5}, List.of()))
                .containsExactly(false, true, true, false);
    }

    @Test
    void aFamilyWithOneSuppressedCellLosesItsSmallestNonZeroCellToo() {
        // 3 is primary; the family then hides 7 (smallest non-zero), never the zero.
        boolean[] suppressed = CellSuppression.suppress(new long[]{3, 10, 0, 7},
                List.of(Family.withoutSumCell(List.of(0, 1, 2, 3))));
        assertThat(suppressed).containsExactly(true, false, false, true);
    }

    @Test
    void tiesGoToTheFirstInTheAnswersOrder() {
        boolean[] suppressed = CellSuppression.suppress(new long[]{2, 6, 6},
                List.of(Family.withoutSumCell(List.of(0, 1, 2))));
        assertThat(suppressed).containsExactly(true, true, false);
    }

    @Test
    void aFamilyWithTwoSuppressedCellsIsLeftAlone() {
        boolean[] suppressed = CellSuppression.suppress(new long[]{2, 3, 9},
                List.of(Family.withoutSumCell(List.of(0, 1, 2))));
        assertThat(suppressed).containsExactly(true, true, false);
    }

    @Test
    void withNoOtherNonZeroCellTheFamilysSumCellIsSuppressed() {
        // Cell 4 (3) is primary; family A hides cell 0 (7). Family B (cells 0-2, sum cell 3) then has one suppressed
        // cell and only zeros beside it, so its sum, 7, goes too.
        long[] counts = {7, 0, 0, 7, 3};
        List<Family> families = List.of(Family.withoutSumCell(List.of(0, 4)), new Family(List.of(0, 1, 2), 3));
        assertThat(CellSuppression.suppress(counts, families)).containsExactly(true, false, false, true, true);
    }

    @Test
    void passesRepeatUntilNothingMoreIsSuppressed() {
        // Pass 1: family A has none suppressed; family B hides 20 beside the primary 3. Pass 2: family A now has one
        // suppressed cell (20) and hides 10. Pass 3 changes nothing.
        long[] counts = {10, 20, 3};
        List<Family> families = List.of(Family.withoutSumCell(List.of(0, 1)), Family.withoutSumCell(List.of(1, 2)));
        assertThat(CellSuppression.suppress(counts, families)).containsExactly(true, true, true);
    }

    @Test
    void aFamilyWhoseOnlyOtherCellsAreZeroAndHasNoSumCellStaysAsItIs() {
        assertThat(CellSuppression.suppress(new long[]{2, 0, 0}, List.of(Family.withoutSumCell(List.of(0, 1, 2)))))
                .containsExactly(true, false, false);
    }
}
