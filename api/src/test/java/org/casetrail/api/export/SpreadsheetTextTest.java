package org.casetrail.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

    @Test
    void textThatASpreadsheetWouldRunIsMadeText() {
        assertThat(SpreadsheetText.neutralise("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(SpreadsheetText.neutralise("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetText.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetText.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(SpreadsheetText.neutralise("M1")).isEqualTo("M1");
        assertThat(SpreadsheetText.neutralise("")).isEmpty();
    }
}
