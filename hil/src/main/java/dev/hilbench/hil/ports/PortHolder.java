package dev.hilbench.hil.ports;

/** A process that has a port open: {@code screen} (pid 4242). */
public record PortHolder(long pid, String command) {

  @Override
  public String toString() {
    return command + " (pid " + pid + ")";
  }
}
