-- The earliest of some dates on or after a day, or null. A function rather than a subquery in a lags read because a
-- subquery is parallel restricted: with it PostgreSQL worked out every member's lag in one process; with this
-- function (parallel safe) the member rows of a lags read are scanned and classed by two workers (docs/benchmarks.md,
-- "Tenth session").
CREATE FUNCTION first_on_or_after(dates DATE[], day DATE) RETURNS DATE
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (SELECT min(d) FROM unnest(dates) d WHERE d >= day);
