import java.lang.management.ManagementFactory;

/** Heap in use after a full collection: the steady-state cost of what is alive. */
final class Heap {

  private Heap() {}

  static long usedAfterGc() throws InterruptedException {
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200); // let the collector settle; a measurement, not a wait for a condition
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      last = Math.min(last, used);
    }
    return last;
  }
}
