package dev.hilbench.simulator.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The specs the shared vector file (protocol/src/test/resources/vectors/faults.tsv) says are
 * valid: what the simulator and the proxy must each either apply or refuse with a reason.
 */
public final class SharedVectors {

  private SharedVectors() {}

  /** The spec column of every row whose answer is a fault (not an error). */
  public static List<String> validSpecs() {
    Path file = Path.of(System.getProperty("basedir", "."), "..", "protocol", "src", "test", "resources", "vectors", "faults.tsv");
    try {
      return Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
          .filter(l -> !l.isEmpty() && !l.startsWith("# "))
          .map(l -> l.split("\t", -1))
          .filter(c -> c[1].startsWith("fault "))
          .map(c -> c[0])
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the shared fault vectors " + file.normalize(), e);
    }
  }
}
