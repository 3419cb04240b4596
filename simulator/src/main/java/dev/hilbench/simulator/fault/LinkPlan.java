package dev.hilbench.simulator.fault;

/**
 * How one connection misbehaves: filled by the link faults chosen for it, read by the network
 * layer. The defaults are a clean link.
 */
public final class LinkPlan {

  long connectDelayMillis;
  long latencyMillis;
  long latencyJitterMillis;
  long bandwidthKilobytesPerSecond; // 0: unlimited
  int sliceAverage;          // 0: no slicer
  int sliceVariation;
  long sliceDelayMicros;
  long resetAfterMillis = -1; // -1: never
  boolean resetMidLine;
  long limitBytes = -1;       // -1: unlimited
  boolean blackhole;
  long blackholeCloseMillis;  // 0: never close (half-open)

  public long connectDelayMillis() {
    return connectDelayMillis;
  }

  public long latencyMillis() {
    return latencyMillis;
  }

  public long latencyJitterMillis() {
    return latencyJitterMillis;
  }

  /** KB/s (1 KB = 1000 bytes) the connection passes at most; 0 for no limit. */
  public long bandwidthKilobytesPerSecond() {
    return bandwidthKilobytesPerSecond;
  }

  public boolean sliced() {
    return sliceAverage > 0;
  }

  public int sliceAverage() {
    return sliceAverage;
  }

  public int sliceVariation() {
    return sliceVariation;
  }

  public long sliceDelayMicros() {
    return sliceDelayMicros;
  }

  public long resetAfterMillis() {
    return resetAfterMillis;
  }

  public boolean resetMidLine() {
    return resetMidLine;
  }

  public long limitBytes() {
    return limitBytes;
  }

  public boolean blackhole() {
    return blackhole;
  }

  public long blackholeCloseMillis() {
    return blackholeCloseMillis;
  }

  /** True when no fault touched this connection. */
  public boolean clean() {
    return connectDelayMillis == 0 && latencyMillis == 0 && latencyJitterMillis == 0 && bandwidthKilobytesPerSecond == 0
        && sliceAverage == 0 && resetAfterMillis < 0 && limitBytes < 0 && !blackhole;
  }
}
