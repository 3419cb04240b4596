package dev.hilbench.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A PrintStream whose text a test can read while a server writes to it. Public: the forward tests use it too. */
public final class Captured {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  public final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  public String text() {
    synchronized (stream) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return text();
  }
}
