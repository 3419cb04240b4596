package dev.hilbench.simulator.node;

import dev.hilbench.simulator.fault.LinkPlan;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A host in virtual time for one node: timers run in order as the test advances the clock, and
 * connections are {@link VirtualLink}s whose far end the test plays. No socket, no thread, no
 * sleeping: a minute of a node's life takes a millisecond.
 */
final class VirtualHost implements NodeHost {

  private record Task(long due, long order, Runnable run, boolean[] cancelled) {}

  private final PriorityQueue<Task> timers = new PriorityQueue<>((a, b) ->
      a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
  private final FleetCounters counters = new FleetCounters();
  final List<VirtualLink> links = new ArrayList<>();
  final List<Long> attemptsAt = new ArrayList<>();
  private long now;
  private long order;
  /** Whether a connection attempt succeeds. */
  boolean serverUp = true;

  @Override
  public long nanoTime() {
    return now;
  }

  long millis() {
    return now / 1_000_000L;
  }

  @Override
  public Timer schedule(long delayNanos, Runnable task) {
    boolean[] cancelled = {false};
    timers.add(new Task(now + Math.max(0, delayNanos), order++, task, cancelled));
    return () -> cancelled[0] = true;
  }

  @Override
  public Link connect(SimNode node, LinkPlan plan, long timeoutNanos) {
    attemptsAt.add(millis());
    VirtualLink l = new VirtualLink(this, node);
    links.add(l);
    boolean up = serverUp;
    schedule(plan.connectDelayMillis() * 1_000_000L + 1_000_000L, () -> {
      if (up) {
        node.onConnected(l);
      } else {
        l.closed = true;
        node.onConnectFailed(l, false);
      }
    });
    return l;
  }

  @Override
  public FleetCounters counters() {
    return counters;
  }

  /** Runs every timer due within the next {@code millis}. */
  void advance(long millis) {
    long end = now + millis * 1_000_000L;
    Task t;
    while ((t = timers.peek()) != null && t.due <= end) {
      timers.poll();
      now = Math.max(now, t.due);
      if (!t.cancelled[0]) {
        t.run.run();
      }
    }
    now = end;
  }

  VirtualLink last() {
    return links.get(links.size() - 1);
  }

  /** A connection whose far end is the test: it sees what the node wrote, can ack and close. */
  static final class VirtualLink implements Link {
    private final VirtualHost host;
    private final SimNode node;
    final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    long written;
    boolean closed;
    Close closedWith;
    private long lastRelease;

    VirtualLink(VirtualHost host, SimNode node) {
      this.host = host;
      this.node = node;
    }

    @Override
    public void send(byte[] bytes, long releaseAtNanos) {
      lastRelease = Math.max(lastRelease, releaseAtNanos);
      host.schedule(lastRelease - host.now, () -> {
        if (!closed) {
          wire.writeBytes(bytes);
          written += bytes.length;
          node.onWritten(this, written);
        }
      });
    }

    @Override
    public void close(Close how, boolean afterQueued) {
      if (!afterQueued) {
        closed = true;
        closedWith = how;
        return;
      }
      host.schedule(lastRelease - host.now, () -> {
        closed = true;
        closedWith = how;
        node.onClosed(this, how == Close.RST);
      });
    }

    @Override
    public void pauseReading() {}

    @Override
    public void resumeReading() {}

    @Override
    public long unwrittenBytes() {
      return 0;
    }

    /** The server acknowledges everything up to {@code seq}. */
    void ack(long seq) {
      byte[] line = ("#ack " + seq).getBytes(StandardCharsets.US_ASCII);
      node.onLine(this, line, 0, line.length);
    }

    /** The server closes the connection. */
    void serverCloses() {
      closed = true;
      node.onClosed(this, true);
    }

    List<String> lines() {
      String s = wire.toString(StandardCharsets.US_ASCII);
      return s.isEmpty() ? List.of() : List.of(s.split("\r\n"));
    }
  }
}
