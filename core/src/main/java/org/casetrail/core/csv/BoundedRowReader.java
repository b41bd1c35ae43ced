package org.casetrail.core.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a file whose current row runs past a number of characters, before the CSV parser has gathered it into memory:
 * the reader counts what it hands on since the row began ({@link #rowStarted()}), allowing for the parser's read-ahead.
 */
final class BoundedRowReader extends FilterReader {

    /** The parser reads ahead by up to one buffer beyond the row it returns. */
    private static final int READ_AHEAD = 16_384;

    private final int rowChars;
    private long read;
    private long rowStart;

    BoundedRowReader(Reader in, int rowChars) {
        super(in);
        this.rowChars = rowChars;
    }

    /** The parser has just returned a row: the next begins no earlier than what was read by then, less read-ahead. */
    void rowStarted() {
        rowStart = Math.max(rowStart, read - READ_AHEAD);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read - rowStart > (long) rowChars + READ_AHEAD) {
            throw new IOException("a row is longer than " + rowChars + " characters (casetrail.limits.row-chars); "
                    + "nothing was read past it");
        }
    }
}
