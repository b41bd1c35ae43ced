package org.casetrail.api.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.casetrail.api.importing.ImportProgress;

/** Draws an import's phases as progress bars on standard error. */
final class ProgressBarDisplay implements ImportProgress, AutoCloseable {

    private final boolean enabled;
    private ProgressBar bar;

    ProgressBarDisplay(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void phase(String name, long total) {
        close();
        if (enabled) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).continuousUpdate().build();
        }
    }

    @Override
    public void advanced(long amount) {
        if (bar != null) {
            bar.stepBy(amount);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
