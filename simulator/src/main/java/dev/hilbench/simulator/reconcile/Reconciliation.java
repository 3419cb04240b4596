package dev.hilbench.simulator.reconcile;

import java.util.List;

/**
 * The ledger held against the store.
 *
 * @param seed        the run's seed (printed with a failure, to replay it)
 * @param run         the run id
 * @param devices     one tally per device of the ledger, in ledger order
 * @param total       the sum
 * @param foreignRows store rows of the ledger's devices under boots of other runs, left out
 */
public record Reconciliation(long seed, String run, List<DeviceTally> devices, DeviceTally total, long foreignRows) {

  /** Whether every check held on every device. */
  public boolean ok() {
    return devices.stream().allMatch(DeviceTally::ok) && total.ok();
  }

  public List<String> problems() {
    List<String> all = new java.util.ArrayList<>();
    devices.forEach(d -> d.problems().forEach(p -> all.add(d.device() + ": " + p)));
    all.addAll(total.problems());
    return all;
  }
}
