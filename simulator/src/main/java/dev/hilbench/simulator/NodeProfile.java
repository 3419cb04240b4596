package dev.hilbench.simulator;

import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.policy.BackoffSettings;
import java.time.Duration;

/**
 * How one kind of node behaves: its firmware's choices and the faults it suffers.
 *
 * @param interval         time between reading cycles (the classroom sketch: 5 s)
 * @param jitter           how the interval wobbles
 * @param delivery         classroom, buffered or acknowledged
 * @param buffer           ring buffer capacity in readings (buffered and acknowledged modes)
 * @param hello            whether the node introduces itself ({@code #hello}); acknowledged mode needs it
 * @param firmware         the version string of the hello
 * @param reconnect        the reconnect policy
 * @param association      Wi-Fi association time after a boot, before the first connection attempt
 * @param faults           the faults this kind of node suffers
 */
public record NodeProfile(
    Duration interval, Jitter jitter, DeliveryMode delivery, int buffer, boolean hello, String firmware,
    BackoffSettings reconnect, Duration association, FaultSet faults) {

  public static final NodeProfile CLASSROOM = new NodeProfile(Duration.ofSeconds(5), Jitter.NONE, DeliveryMode.CLASSROOM,
      64, true, "sim-1.0", BackoffSettings.CLASSROOM, Duration.ofMillis(200), FaultSet.NONE);

  public NodeProfile {
    if (interval == null || interval.toMillis() < 1) {
      throw new IllegalArgumentException("interval must be at least 1 ms, got " + interval);
    }
    if (buffer < 1 || buffer > 1_000_000) {
      throw new IllegalArgumentException("buffer must be 1..1000000 readings, got " + buffer);
    }
    if (delivery == DeliveryMode.ACKNOWLEDGED && !hello) {
      throw new IllegalArgumentException("acknowledged delivery needs the hello (it carries ack=1)");
    }
    if (association == null || association.isNegative()) {
      throw new IllegalArgumentException("association delay must be 0 or more, got " + association);
    }
  }

  public NodeProfile withInterval(Duration d) {
    return new NodeProfile(d, jitter, delivery, buffer, hello, firmware, reconnect, association, faults);
  }

  public NodeProfile withJitter(Jitter j) {
    return new NodeProfile(interval, j, delivery, buffer, hello, firmware, reconnect, association, faults);
  }

  public NodeProfile withDelivery(DeliveryMode m) {
    return new NodeProfile(interval, jitter, m, buffer, hello || m == DeliveryMode.ACKNOWLEDGED, firmware, reconnect, association, faults);
  }

  public NodeProfile withBuffer(int n) {
    return new NodeProfile(interval, jitter, delivery, n, hello, firmware, reconnect, association, faults);
  }

  public NodeProfile withHello(boolean h) {
    return new NodeProfile(interval, jitter, delivery, buffer, h, firmware, reconnect, association, faults);
  }

  public NodeProfile withReconnect(BackoffSettings b) {
    return new NodeProfile(interval, jitter, delivery, buffer, hello, firmware, b, association, faults);
  }

  public NodeProfile withAssociation(Duration d) {
    return new NodeProfile(interval, jitter, delivery, buffer, hello, firmware, reconnect, d, faults);
  }

  public NodeProfile withFaults(FaultSet f) {
    return new NodeProfile(interval, jitter, delivery, buffer, hello, firmware, reconnect, association, f);
  }
}
