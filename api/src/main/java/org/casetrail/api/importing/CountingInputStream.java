package org.casetrail.api.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Tells the import's progress how many bytes of the file have been read. */
final class CountingInputStream extends FilterInputStream {

    private final ImportProgress progress;

    CountingInputStream(InputStream in, ImportProgress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            progress.advanced(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            progress.advanced(count);
        }
        return count;
    }
}
