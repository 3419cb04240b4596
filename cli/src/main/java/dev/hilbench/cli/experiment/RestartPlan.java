package dev.hilbench.cli.experiment;

import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.Durations;
import dev.hilbench.simulator.Jitter;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.policy.BackoffSettings;
import dev.hilbench.simulator.policy.PolicyKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a restart experiment does: the fleet, the outage, the policies to compare, and where the
 * results go. Every policy gets the same fleet (same seed, so the same nodes with the same
 * streams), only its reconnect policy differs.
 *
 * @param devices        nodes in the fleet
 * @param interval       between readings
 * @param down           how long the receiver stays down
 * @param policies       the reconnect policies, run one after the other
 * @param base           first backoff delay (every delay, for {@code fixed})
 * @param cap            longest backoff delay
 * @param multiplier     growth per attempt of the exponential policies
 * @param resetAfter     a connection that lasted this long starts the attempt count over; the fleet
 *                       runs this long before the outage, so every node starts it from a stable connection
 * @param connectTimeout an attempt not connected by then fails
 * @param mode           what nodes do with readings they cannot send
 * @param seed           the fleet seed
 * @param timeout        how long after the port reopens the run waits for every node to be back
 * @param readingsAfter  readings each node must have delivered after it is back before the run ends
 * @param backlog        the receiver's listen backlog
 * @param out            the directory the results go to
 */
public record RestartPlan(int devices, Duration interval, Duration down, List<PolicyKind> policies, Duration base,
    Duration cap, double multiplier, Duration resetAfter, Duration connectTimeout, DeliveryMode mode, long seed,
    Duration timeout, int readingsAfter, int backlog, Path out) {

  public RestartPlan {
    policies = List.copyOf(policies);
    if (devices < 1) {
      throw new IllegalArgumentException("--devices must be at least 1, got " + devices);
    }
    requirePositive("--interval", interval);
    requirePositive("--down", down);
    requirePositive("--timeout", timeout);
    if (policies.isEmpty()) {
      throw new IllegalArgumentException("--policy names no policy");
    }
    if (readingsAfter < 1) {
      throw new IllegalArgumentException("--readings-after must be at least 1, got " + readingsAfter);
    }
    if (backlog < 1) {
      throw new IllegalArgumentException("--backlog must be at least 1, got " + backlog);
    }
    // Base, cap, multiplier, reset after and connect timeout are checked where they are used.
    new BackoffSettings(policies.get(0), base, cap, multiplier, resetAfter, connectTimeout);
  }

  private static void requirePositive(String option, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(option + " must be a positive duration, got " + d);
    }
  }

  public BackoffSettings backoff(PolicyKind kind) {
    return new BackoffSettings(kind, base, cap, multiplier, resetAfter, connectTimeout);
  }

  /**
   * A node of the run: the classroom sketch's firmware with this plan's interval, delivery mode and
   * reconnect policy. Its interval wobbles by ±5 % so that the nodes do not read in lockstep.
   */
  public NodeProfile profile(PolicyKind kind) {
    return NodeProfile.CLASSROOM.withInterval(interval)
        .withJitter(new Jitter(Jitter.Distribution.UNIFORM, interval.dividedBy(20)))
        .withDelivery(mode).withReconnect(backoff(kind));
  }

  /** The command line that repeats this experiment. */
  public String commandLine() {
    return String.format(Locale.ROOT,
        "./hilbench experiment restart --devices %d --interval %s --down %s --policy %s --base %s --cap %s "
            + "--multiplier %s --reset-after %s --connect-timeout %s --mode %s --timeout %s --readings-after %d "
            + "--backlog %d --seed %d",
        devices, Durations.format(interval), Durations.format(down),
        policies.stream().map(PolicyKind::label).collect(Collectors.joining(",")), Durations.format(base),
        Durations.format(cap), multiplierText(), Durations.format(resetAfter), Durations.format(connectTimeout),
        mode.label(), Durations.format(timeout), readingsAfter, backlog, seed);
  }

  /** {@code 2} rather than {@code 2.0}. */
  String multiplierText() {
    return multiplier == Math.rint(multiplier) ? String.valueOf((long) multiplier) : String.valueOf(multiplier);
  }
}
