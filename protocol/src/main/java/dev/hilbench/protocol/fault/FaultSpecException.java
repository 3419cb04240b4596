package dev.hilbench.protocol.fault;

/**
 * A fault spec that was refused. The message names the spec text and what is wrong with it,
 * e.g. {@code unknown parameter 'avg' in 'slicer=1,avg=3' (slicer takes average_size,
 * size_variation, delay, stream)}.
 */
public final class FaultSpecException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final FaultError error;
  private final String spec;

  FaultSpecException(FaultError error, String spec, String message) {
    super(message);
    this.error = error;
    this.spec = spec;
  }

  /** What kind of problem: the code the vector file and the firmware use. */
  public FaultError error() {
    return error;
  }

  /** The spec as written (or as rebuilt from a name and parameters). */
  public String spec() {
    return spec;
  }
}
