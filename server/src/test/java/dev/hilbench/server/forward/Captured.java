package dev.hilbench.server.forward;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A PrintStream whose text a test reads while the server writes to it. */
final class Captured {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  String text() {
    synchronized (stream) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return text();
  }
}
