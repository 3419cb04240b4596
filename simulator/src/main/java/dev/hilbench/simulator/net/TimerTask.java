package dev.hilbench.simulator.net;

import dev.hilbench.simulator.node.NodeHost;

/** A task due at a time on an event loop. Cancelled ones stay queued and are skipped when due. */
final class TimerTask implements NodeHost.Timer, Comparable<TimerTask> {

  final long due;
  private final long order;
  final Runnable task;
  boolean cancelled;

  TimerTask(long due, long order, Runnable task) {
    this.due = due;
    this.order = order;
    this.task = task;
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  @Override
  public int compareTo(TimerTask o) {
    int c = Long.compare(due, o.due);
    return c != 0 ? c : Long.compare(order, o.order);
  }
}
