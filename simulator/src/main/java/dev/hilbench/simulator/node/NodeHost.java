package dev.hilbench.simulator.node;

import dev.hilbench.simulator.fault.LinkPlan;

/**
 * What a node needs from the world: a clock, timers, and connections. The network layer's event
 * loop provides it; a node never touches a socket or a thread itself. Every callback into a node
 * runs on the thread of its host, so a node needs no locks.
 */
public interface NodeHost {

  /** Monotonic time in nanoseconds. */
  long nanoTime();

  /** Runs {@code task} on this host's thread after {@code delayNanos}. */
  Timer schedule(long delayNanos, Runnable task);

  /**
   * Starts a connection attempt for {@code node}, shaped by {@code plan} (slow connect). The
   * outcome arrives as {@link SimNode#onConnected} or {@link SimNode#onConnectFailed}.
   */
  Link connect(SimNode node, LinkPlan plan, long timeoutNanos);

  FleetCounters counters();

  /** A cancellable timer. */
  interface Timer {
    void cancel();
  }
}
