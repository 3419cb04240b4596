package dev.hilbench.protocol;

/** An empty line (a bare {@code println()}): ignored, neither a reading nor an error. */
public record Blank() implements Line {
  public static final Blank INSTANCE = new Blank();
}
