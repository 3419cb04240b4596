package dev.hilbench.server.net;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Connection counts shared by the acceptor and the connection threads. */
public final class ServerCounters {

  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  /** Counts a new connection as open unless {@code max} are open already. */
  boolean tryOpen(int max) {
    while (true) {
      int n = open.get();
      if (n >= max) {
        return false;
      }
      if (open.compareAndSet(n, n + 1)) {
        accepted.incrementAndGet();
        return true;
      }
    }
  }

  void refused() {
    refused.incrementAndGet();
  }

  void closed() {
    open.decrementAndGet();
  }

  public int open() {
    return open.get();
  }

  public long accepted() {
    return accepted.get();
  }

  public long refusedCount() {
    return refused.get();
  }
}
