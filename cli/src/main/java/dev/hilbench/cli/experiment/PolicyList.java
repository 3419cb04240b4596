package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.policy.PolicyKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies of an experiment, as written after {@code --policy}:
 * {@code fixed,exponential,full_jitter,decorrelated}. Each name is the simulator's (with {@code _}
 * for {@code -}), or {@code decorrelated} for short; the runs go in the order given.
 */
public final class PolicyList {

  private PolicyList() {}

  public static List<PolicyKind> parse(String text) {
    List<PolicyKind> policies = new ArrayList<>();
    for (String name : text.split(",", -1)) {
      String n = name.trim();
      if (n.isEmpty()) {
        throw new IllegalArgumentException("empty policy name in '" + text + "' (example: fixed,full_jitter)");
      }
      PolicyKind kind = n.equalsIgnoreCase("decorrelated") ? PolicyKind.DECORRELATED_JITTER : PolicyKind.parse(n);
      if (policies.contains(kind)) {
        throw new IllegalArgumentException("policy " + kind + " is listed twice in '" + text + "'");
      }
      policies.add(kind);
    }
    return List.copyOf(policies);
  }
}
