package org.casetrail.api.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Tells someone how many bytes have been read: the import's progress, or the zip's inflated-size limit. */
final class CountingInputStream extends FilterInputStream {

    private final LongConsumer counted;

    CountingInputStream(InputStream in, LongConsumer counted) {
        super(in);
        this.counted = counted;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            counted.accept(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            counted.accept(count);
        }
        return count;
    }
}
