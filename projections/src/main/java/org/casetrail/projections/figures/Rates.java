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

    /** The mean of whole numbers to 2 decimals; null for none. */
    public static BigDecimal mean(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        long sum = values.stream().mapToLong(Long::longValue).sum();
        return divide(BigInteger.valueOf(sum), BigInteger.valueOf(values.size()), 2);
    }

    /** The nearest-rank quantile q of sorted values: v[ceil(q*n)], 1-based; null for none. */
    public static Long quantile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) ((percent * (long) sorted.size() + 99) / 100);
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
