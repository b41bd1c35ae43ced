package org.casetrail.api.importing;

import java.util.List;
import java.util.UUID;

import org.casetrail.core.policeuk.PoliceUkTranslation;

/**
 * What a data.police.uk import did: {@code crimes} cases opened, {@code outcomes} events applied, rows that were
 * {@code duplicates} or had no crime id, outcome rows kept as status notes, and {@code orphans}: outcomes of crimes
 * neither stored nor in the import. With any error nothing is applied.
 */
public record PoliceUkReport(UUID importId, String source, List<String> files, long crimes, long outcomes,
                             long accepted, long duplicates, long rejected, long withoutCrimeId, long statusNotes,
                             List<PoliceUkTranslation.Orphan> orphans, List<PoliceUkTranslation.Problem> errors) {

    public boolean applied() {
        return errors.isEmpty();
    }
}
