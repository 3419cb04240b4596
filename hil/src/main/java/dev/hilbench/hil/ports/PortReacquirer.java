package dev.hilbench.hil.ports;

import dev.hilbench.hil.reset.Pauser;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a board again after it re-enumerated (a reset that drops it off USB, a replug): by its
 * USB serial number, or failing that by the same USB id when exactly one such port is back.
 */
public final class PortReacquirer {

  private static final Duration POLL = Duration.ofMillis(100);

  private final PortSource source;
  private final Pauser pauser;

  public PortReacquirer(PortSource source, Pauser pauser) {
    this.source = source;
    this.pauser = pauser;
  }

  public PortInfo awaitReturn(PortInfo before, Duration timeout) throws PortSelectionException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<PortInfo> found = find(before);
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() >= deadline) {
        throw new PortSelectionException("the board at " + before.path()
            + (before.serialNumber() != null ? " (serial " + before.serialNumber() + ")" : "")
            + " did not come back within " + timeout.toSeconds() + " s; is it still plugged in?"
            + PortSelector.listing(source.list()));
      }
      pauser.pause(POLL);
    }
  }

  Optional<PortInfo> find(PortInfo before) {
    var ports = source.list();
    if (before.serialNumber() != null) {
      return ports.stream().filter(p -> before.serialNumber().equals(p.serialNumber())).findFirst();
    }
    if (before.vendorId() < 0) {
      return ports.stream().filter(p -> p.path().equals(before.path())).findFirst();
    }
    var sameId = ports.stream()
        .filter(p -> p.vendorId() == before.vendorId() && p.productId() == before.productId())
        .toList();
    if (sameId.size() == 1) {
      return Optional.of(sameId.get(0));
    }
    return sameId.stream().filter(p -> Objects.equals(p.path(), before.path())).findFirst();
  }
}
