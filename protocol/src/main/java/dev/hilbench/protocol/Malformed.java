package dev.hilbench.protocol;

/**
 * A line that is not in the format, with the reason and a printable excerpt of what arrived.
 *
 * @param error   the machine-readable reason
 * @param detail  words for a person: which field, what was expected
 * @param excerpt the start of the line, non-printable bytes escaped as {@code \xHH}; safe to log
 */
public record Malformed(LineError error, String detail, String excerpt) implements Line {}
