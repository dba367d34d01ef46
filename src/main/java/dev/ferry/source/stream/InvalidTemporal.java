package dev.ferry.source.stream;

import java.io.Serializable;

/**
 * A DATE, DATETIME or TIMESTAMP value that no Java date holds: the zero date, a date with a zero
 * month or day, a day the month does not have (all stored by MySQL when the session's
 * {@code sql_mode} allows them). Made by {@link TemporalCells} from a binlog row, turned into text by
 * {@link TemporalLiteralConverter}.
 *
 * @param literal the value as MySQL prints it, with six fractional digits for DATETIME and TIMESTAMP
 */
record InvalidTemporal(String literal) implements Serializable {
}
