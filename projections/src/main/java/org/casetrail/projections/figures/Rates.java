package org.casetrail.projections.figures;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * The contract's arithmetic (SEMANTICS 6): rates to 4 decimals and means to 2, rounded half away from zero on the exact
 * value, never on a binary floating-point approximation; nearest-rank quantiles; null where there is nothing to compute
 * from.
 */
final class Rates {

    private Rates() {
    }

    /** numerator / denominator to 4 decimals; null when the denominator is 0. */
    public static BigDecimal rate(long numerator, long denominator) {
        return denominator == 0 ? null : divide(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator), 4);
    }

    /** An exact fraction rounded half away from zero to the given number of decimals. */
    public static BigDecimal divide(BigInteger numerator, BigInteger denominator, int decimals) {
        BigDecimal exact = new BigDecimal(numerator);
        return exact.divide(new BigDecimal(denominator), decimals, RoundingMode.HALF_UP);
    }

    /** The mean of {@code count} whole numbers summing to {@code sum}, to 2 decimals; null for none. */
    public static BigDecimal mean(long sum, long count) {
        return count == 0 ? null : divide(BigInteger.valueOf(sum), BigInteger.valueOf(count), 2);
    }

    /** The nearest-rank quantile q of sorted values: v[ceil(q*n)], 1-based; null for none. */
    public static Long quantile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        return sorted.get((int) rank(sorted.size(), percent) - 1);
    }

    /** The 1-based nearest rank of the quantile q among n values: ceil(q*n), at least 1. */
    static long rank(long n, int percent) {
        return Math.max((percent * n + 99) / 100, 1);
    }
}
