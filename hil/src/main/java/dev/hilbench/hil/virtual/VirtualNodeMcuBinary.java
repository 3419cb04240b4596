package dev.hilbench.hil.virtual;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the virtual NodeMCU, the firmware's host build: {@code firmware/build/virtual-nodemcu} in
 * the current directory or the nearest one above it (so it is found from the checkout root, a
 * module directory, or anywhere inside), unless a path is given.
 */
public final class VirtualNodeMcuBinary {

  public static final String RELATIVE_PATH = "firmware/build/virtual-nodemcu";

  private VirtualNodeMcuBinary() {}

  public static Optional<Path> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE_PATH);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The binary to run: {@code explicit} if given, else found from {@code start} upward. */
  public static Path locate(Path explicit, Path start) throws FileNotFoundException {
    if (explicit != null) {
      if (!Files.isExecutable(explicit)) {
        throw new FileNotFoundException("the virtual NodeMCU binary " + explicit + " does not exist or is not"
            + " executable");
      }
      return explicit;
    }
    return find(start).orElseThrow(() -> new FileNotFoundException("the virtual NodeMCU binary was not found:"
        + " looked for " + RELATIVE_PATH + " in " + String.join(", ", searched(start))
        + ". Build it with `make -C firmware host` (or `./mvnw -pl firmware compile`), or pass --binary PATH."));
  }

  /** Located from the working directory, for tests and commands run inside the checkout. */
  public static Path require() throws FileNotFoundException {
    return locate(null, Path.of(""));
  }

  private static List<String> searched(Path start) {
    List<String> dirs = new ArrayList<>();
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      dirs.add(dir.toString());
    }
    return dirs;
  }
}
