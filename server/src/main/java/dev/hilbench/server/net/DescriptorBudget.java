package dev.hilbench.server.net;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * How many connections the process can hold, given its file-descriptor limit.
 *
 * <p>Every connection costs a descriptor. Holding as many as the limit allows leaves none for the
 * admin endpoint's clients, the store's files or the forwarder's HTTP connection: a full server
 * would be unobservable (seen in the idle benchmark, docs/performance.md). So the connection cap
 * is lowered to the limit, less the descriptors already open, less a reserve for those.
 */
public final class DescriptorBudget {

  /** Descriptors kept free for admin HTTP clients, SQLite's files and the forwarder. */
  public static final int RESERVE = 32;

  private DescriptorBudget() {}

  /** {@code configured}, or fewer when the descriptor limit leaves less room. Pure, for tests. */
  public static int cap(int configured, long maxDescriptors, long openDescriptors) {
    long room = maxDescriptors - openDescriptors - RESERVE;
    return (int) Math.max(1, Math.min(configured, room));
  }

  /** {@link #cap} with this process's limit and open descriptors, where the JVM reports them. */
  public static int forThisProcess(int configured) {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
      return cap(configured, unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
    }
    return configured; // not a Unix JVM: no descriptor figures to go by
  }
}
