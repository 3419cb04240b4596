package dev.hilbench.protocol.fault;

/**
 * What is wrong with one part of a spec, before the spec's text is known to the part that found
 * it; {@link FaultSpecParser} turns it into a {@link FaultSpecException} naming the whole spec.
 */
final class Problem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final FaultError error;
  final String hint;

  /**
   * @param what the problem, e.g. {@code unknown parameter 'avg'}
   * @param hint what would be right, e.g. {@code slicer takes average_size, ...}; null for none
   */
  Problem(FaultError error, String what, String hint) {
    super(what, null, false, false);
    this.error = error;
    this.hint = hint;
  }

  FaultSpecException in(String spec) {
    return new FaultSpecException(error, spec,
        getMessage() + " in '" + spec + "'" + (hint == null ? "" : " (" + hint + ")"));
  }
}
