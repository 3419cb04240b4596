package dev.hilbench.protocol;

/**
 * One decoded line of the hilbench wire format.
 *
 * <p>A line is either a sensor {@link Reading} (the classroom format), a {@code #}-prefixed control
 * line ({@link Hello} from a node, {@link Ack} from the server), a {@link Blank} line, or a
 * {@link Malformed} one that says what was wrong. Decoding never throws: bad input is data.
 */
public sealed interface Line permits Reading, Hello, Ack, Blank, Malformed {}
