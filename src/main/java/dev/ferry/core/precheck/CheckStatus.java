package dev.ferry.core.precheck;

/** The outcome of one check. */
public enum CheckStatus {
    /** Nothing to fix. */
    PASS,
    /** A risk the user should know; blocks the migration unless its id is acknowledged. */
    WARN,
    /** The migration would fail or lose data; can never be acknowledged. */
    FAIL,
    /** The check could not run or does not apply here; the result says why. */
    SKIPPED
}
