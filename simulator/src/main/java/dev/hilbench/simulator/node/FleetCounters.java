package dev.hilbench.simulator.node;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Running totals of a fleet, updated by the event loops, read by progress displays. */
public final class FleetCounters {
  public final AtomicInteger connected = new AtomicInteger();
  public final LongAdder connects = new LongAdder();
  public final LongAdder reconnects = new LongAdder();
  public final LongAdder connectFailures = new LongAdder();
  public final LongAdder connectTimeouts = new LongAdder();
  public final LongAdder abruptCloses = new LongAdder();
  public final LongAdder generated = new LongAdder();
  public final LongAdder sent = new LongAdder();
  public final LongAdder acked = new LongAdder();
  public final LongAdder mangled = new LongAdder();
  public final LongAdder sensorFailures = new LongAdder();
  public final LongAdder dropped = new LongAdder();
  public final LongAdder reboots = new LongAdder();
  public final LongAdder silences = new LongAdder();
  public final LongAdder bytesWritten = new LongAdder();
  public final LongAdder unexpectedLines = new LongAdder();
}
