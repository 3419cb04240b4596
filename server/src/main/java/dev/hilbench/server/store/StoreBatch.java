package dev.hilbench.server.store;

import dev.hilbench.protocol.Reading;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one connection thread parsed since its last hand-over to the store: readings as columns of
 * primitives (no object per reading is kept), the streams they belong to, session events, and the
 * acknowledgements to send once all of it is committed. Filled by one thread, then handed over
 * whole; batches are recycled, so steady operation allocates nothing here.
 */
public final class StoreBatch {

  private static final int INITIAL = 1024;

  private int readings;
  private long[] stream = new long[INITIAL];
  private long[] seq = new long[INITIAL];
  private long[] millis = new long[INITIAL];
  private double[] temperature = new double[INITIAL];
  private double[] humidity = new double[INITIAL];
  private long[] receivedAt = new long[INITIAL];

  private int acks;
  private AckTarget[] ackTarget = new AckTarget[16];
  private long[] ackSeq = new long[16];

  private final List<StreamRecord> streams = new ArrayList<>();
  private final List<SessionEvent> events = new ArrayList<>();

  public void addReading(long streamId, Reading r, long receivedAtMillis) {
    if (readings == seq.length) {
      growReadings();
    }
    stream[readings] = streamId;
    seq[readings] = r.seq();
    millis[readings] = r.millis();
    temperature[readings] = r.temperature();
    humidity[readings] = r.humidity();
    receivedAt[readings] = receivedAtMillis;
    readings++;
  }

  /** Acknowledge {@code seqNumber} to {@code target} once this batch (and all before it) is committed. */
  public void addAck(AckTarget target, long seqNumber) {
    if (acks == ackSeq.length) {
      ackTarget = Arrays.copyOf(ackTarget, acks * 2);
      ackSeq = Arrays.copyOf(ackSeq, acks * 2);
    }
    ackTarget[acks] = target;
    ackSeq[acks] = seqNumber;
    acks++;
  }

  public void addStream(StreamRecord s) {
    streams.add(s);
  }

  public void addEvent(SessionEvent e) {
    events.add(e);
  }

  public boolean isEmpty() {
    return readings == 0 && acks == 0 && streams.isEmpty() && events.isEmpty();
  }

  /** How much this batch counts against the store's queue bound. */
  public int weight() {
    return readings + acks + streams.size() + events.size();
  }

  public int readings() {
    return readings;
  }

  public long stream(int i) {
    return stream[i];
  }

  public long seq(int i) {
    return seq[i];
  }

  public long millis(int i) {
    return millis[i];
  }

  public double temperature(int i) {
    return temperature[i];
  }

  public double humidity(int i) {
    return humidity[i];
  }

  public long receivedAt(int i) {
    return receivedAt[i];
  }

  public List<StreamRecord> streams() {
    return streams;
  }

  public List<SessionEvent> events() {
    return events;
  }

  /**
   * Tells every connection that asked what is now safe. Runs of entries for the same connection
   * (a bulk stream) are folded into one call with their highest seq.
   */
  public void deliverAcks() {
    int i = 0;
    while (i < acks) {
      AckTarget target = ackTarget[i];
      long max = ackSeq[i];
      for (i++; i < acks && ackTarget[i] == target; i++) {
        max = Math.max(max, ackSeq[i]);
      }
      target.acknowledged(max);
    }
  }

  /** Empties the batch for reuse, dropping its references. */
  public void clear() {
    readings = 0;
    Arrays.fill(ackTarget, 0, acks, null);
    acks = 0;
    streams.clear();
    events.clear();
  }

  private void growReadings() {
    int n = seq.length * 2;
    stream = Arrays.copyOf(stream, n);
    seq = Arrays.copyOf(seq, n);
    millis = Arrays.copyOf(millis, n);
    temperature = Arrays.copyOf(temperature, n);
    humidity = Arrays.copyOf(humidity, n);
    receivedAt = Arrays.copyOf(receivedAt, n);
  }
}
