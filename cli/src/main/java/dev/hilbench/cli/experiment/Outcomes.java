package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.policy.PolicyKind;
import dev.hilbench.simulator.reconcile.DeviceTally;
import dev.hilbench.simulator.reconcile.Reconciliation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A run's result put together from what was measured: the store's facts, the reconciliation and the samples. */
final class Outcomes {

  private Outcomes() {}

  /**
   * @param devices     the fleet's device ids, in fleet order
   * @param fleetErrors exceptions the fleet's event loops raised (each one a bug)
   */
  static PolicyResult collect(PolicyKind policy, Duration timeout, List<String> devices, Timeline time,
      Reconciliation rec, StoreFacts facts, List<Throwable> fleetErrors) {
    Map<String, DeviceTally> tallies = rec.devices().stream()
        .collect(Collectors.toMap(DeviceTally::device, Function.identity()));
    List<NodeOutcome> nodes = new ArrayList<>();
    List<String> notBack = new ArrayList<>();
    for (String id : devices) {
      StoreFacts.Device d = facts.device(id);
      DeviceTally t = tallies.get(id);
      // A node the receiver identified while its start was returning (the port listens before the
      // start returns) counts as back at once; one that came after the timeout (while the fleet
      // was being stopped) as not back.
      long back = d.firstConnectAt() < 0 ? -1 : Math.max(0, d.firstConnectAt() - time.reopenEpochMillis());
      if (back > timeout.toMillis()) {
        back = -1;
      }
      if (back < 0) {
        notBack.add(id);
      }
      nodes.add(t == null
          ? new NodeOutcome(id, back, d.connections(), d.readings(), 0, 0, 0)
          : new NodeOutcome(id, back, d.connections(), d.readings(), t.lostInTransit() + t.lostByPlace(),
              t.lostInTransit(), t.allowedInTransit()));
    }
    List<String> problems = new ArrayList<>();
    if (!notBack.isEmpty()) {
      problems.add(String.format(Locale.ROOT, "%,d of %,d nodes not back within %s of the port reopening (%s)",
          notBack.size(), devices.size(), Durations.format(timeout), examples(notBack)));
    }
    if (notBack.isEmpty() && !time.recovered()) {
      problems.add("every node was back, but not every one delivered its readings within " + Durations.format(timeout));
    }
    rec.problems().forEach(p -> problems.add("reconciliation: " + p));
    if (!fleetErrors.isEmpty()) {
      problems.add(fleetErrors.size() + " errors in the fleet's event loops, the first: " + fleetErrors.get(0));
    }
    List<Counters> samples = time.samples();
    long attempts = samples.get(samples.size() - 1).attempts() - samples.get(0).attempts();
    return new PolicyResult(policy, nodes, Sampler.intervals(samples, time.reopenNanos()),
        Duration.ofNanos(time.reopenNanos() - time.downNanos()), timeout, attempts, rec.ok(), problems);
  }

  private static String examples(List<String> ids) {
    return ids.size() <= 5 ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
  }
}
