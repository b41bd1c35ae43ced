package org.casetrail.projections.figures;

import java.math.BigDecimal;
import java.math.BigInteger;

/** An exact non-negative rational, so that survival and incidence are compared and rounded on their exact values. */
record Fraction(BigInteger numerator, BigInteger denominator) {

    static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
    static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

    static Fraction of(long numerator, long denominator) {
        return reduced(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    private static Fraction reduced(BigInteger numerator, BigInteger denominator) {
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() == 0 || gcd.equals(BigInteger.ONE)) {
            return new Fraction(numerator, denominator);
        }
        return new Fraction(numerator.divide(gcd), denominator.divide(gcd));
    }

    Fraction times(Fraction other) {
        return reduced(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    Fraction plus(Fraction other) {
        return reduced(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    Fraction oneMinus() {
        return reduced(denominator.subtract(numerator), denominator);
    }

    boolean atMostHalf() {
        return numerator.shiftLeft(1).compareTo(denominator) <= 0;
    }

    BigDecimal rounded(int decimals) {
        return Rates.divide(numerator, denominator, decimals);
    }
}
