package dev.hilbench.simulator;

/**
 * A group of identical nodes: device ids are {@code <name>-0001}, {@code <name>-0002}, ...
 *
 * @param name    1..24 letters, digits, {@code _} or {@code -} (it starts every device id)
 * @param count   how many nodes
 * @param profile how they behave
 */
public record NodeGroup(String name, int count, NodeProfile profile) {

  public NodeGroup {
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,24}")) {
      throw new IllegalArgumentException("group name '" + name + "' must be 1..24 letters, digits, _ or -");
    }
    if (count < 0) {
      throw new IllegalArgumentException("group " + name + ": count must be 0 or more, got " + count);
    }
  }

  /** The device id of the {@code i}-th node of the group (from 0). */
  public String deviceId(int i) {
    return String.format("%s-%04d", name, i + 1);
  }
}
