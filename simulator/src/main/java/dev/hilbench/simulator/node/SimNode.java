package dev.hilbench.simulator.node;

import dev.hilbench.protocol.Ack;
import dev.hilbench.protocol.Blank;
import dev.hilbench.protocol.Hello;
import dev.hilbench.protocol.Line;
import dev.hilbench.protocol.LineCodec;
import dev.hilbench.protocol.Reading;
import dev.hilbench.simulator.DeliveryMode;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.Seeds;
import dev.hilbench.simulator.fault.CycleOutcome;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.LinkPlan;
import dev.hilbench.simulator.fault.RebootLink;
import dev.hilbench.simulator.ledger.BootLedger;
import dev.hilbench.simulator.ledger.Fate;
import dev.hilbench.simulator.ledger.LedgerRecord;
import dev.hilbench.simulator.policy.Backoff;
import dev.hilbench.simulator.sensor.Dht11;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated NodeMCU: boots, associates, connects, reads its DHT11 every interval and sends
 * the reading the way its delivery mode says, reconnecting by its policy, suffering its faults,
 * and recording every reading's fate in its ledger.
 *
 * <p>A small state object driven by its host's event loop: every method runs on that loop's
 * thread, so there are no locks, and thousands of nodes share one thread. It never touches a
 * socket: it asks its {@link Link} to write and close, and the link calls back.
 */
public final class SimNode {

  public enum State { OFF, BOOTING, CONNECTING, CONNECTED, WAITING, STOPPED }

  private static final long MS = 1_000_000L;
  /** Time from reset to the sketch's {@code setup()}: the ROM and SDK boot. */
  static final long BOOT_MILLIS = 100;

  private final int index;
  private final String device;
  private final String storeDevice;
  private final String group;
  private final String run;
  private final NodeProfile profile;
  private final long seed;
  private final NodeHost host;
  private final FleetCounters counters;
  private final SplittableRandom linkRandom;
  private final Dht11 sensor;
  private final Backoff backoff;
  private final List<BootLedger> boots = new ArrayList<>(1);
  private FaultSet faults;

  private volatile State state = State.OFF;
  private volatile int bootIndex = -1;
  private volatile long nextSeq;
  private String bootId;
  private long bootNanos;
  private BootLedger ledger;
  private final Outbox outbox;
  private boolean cycling;
  private int coalesceHold;
  private boolean silent;
  private boolean stopping;
  private boolean everConnected;
  private NodeHost.Timer cycleTimer, retryTimer, resetTimer, closeTimer, silenceTimer;

  private Link link;
  private LinkPlan plan;
  private long queued;       // bytes handed to the current link
  private long lastRelease;  // release time of the last piece handed to it
  private boolean closing;   // a close after the queue was asked for; onClosed will follow
  private boolean resetDue;  // reset_peer with mid_line: cut the next line and reset
  private dev.hilbench.protocol.LineFramer framer;

  /**
   * @param storeDevice the device id the server will store this node's readings under: its
   *                    {@code device} with hello, its source address without (and then the server
   *                    numbers its boots {@code ip-1}, {@code ip-2}, ...)
   */
  public SimNode(int index, String device, String storeDevice, String group, String run, NodeProfile profile,
      long fleetSeed, NodeHost host) {
    this.index = index;
    this.device = device;
    this.storeDevice = storeDevice;
    this.group = group;
    this.run = run;
    this.profile = profile;
    this.seed = Seeds.derive(fleetSeed, index);
    this.host = host;
    this.counters = host.counters();
    this.faults = profile.faults();
    this.linkRandom = new SplittableRandom(Seeds.derive(seed, 0x4C494E4BL));
    this.sensor = new Dht11(new SplittableRandom(Seeds.derive(seed, 0x44485431L)));
    this.backoff = new Backoff(profile.reconnect());
    this.outbox = new Outbox(profile.delivery(), profile.buffer(), counters);
  }

  public int index() {
    return index;
  }

  public String device() {
    return device;
  }

  /** The device id the store files this node's readings under (its source address without hello). */
  public String storeDevice() {
    return storeDevice;
  }

  public String group() {
    return group;
  }

  public NodeProfile profile() {
    return profile;
  }

  public State state() {
    return state;
  }

  /** Boots so far (1 after the first boot). */
  public int boots() {
    return bootIndex + 1;
  }

  /** The seq the next reading will take. */
  public long nextSeq() {
    return nextSeq;
  }

  public FaultSet faults() {
    return faults;
  }

  // ---- commands (on the host's thread) ----

  /** Powers the node on after {@code delayNanos}. */
  public void powerOn(long delayNanos) {
    host.schedule(delayNanos, this::boot);
  }

  public void setFaults(FaultSet f) {
    this.faults = f;
  }

  /** Wi-Fi goes away for {@code millis}: no FIN, nothing sent or read. */
  public void silence(long millis) {
    if (state != State.STOPPED && state != State.OFF) {
      startSilence(millis);
    }
  }

  /** Restarts the node now. */
  public void reboot(RebootLink how) {
    if (state != State.STOPPED && state != State.OFF) {
      restart(how);
    }
  }

  /** Stops generating readings and sends what it still can. */
  public void beginStop() {
    stopping = true;
    cancel(cycleTimer);
    cancel(retryTimer);
    cycleTimer = retryTimer = null;
    coalesceHold = 0;
    flush(true);
  }

  /** True once nothing more can leave the node: all written (and acknowledged), or no way out. */
  public boolean drained() {
    if (closing) {
      return false;
    }
    if (state != State.CONNECTED || silent || link == null) {
      return true;
    }
    return outbox.isEmpty() && link.unwrittenBytes() == 0;
  }

  /** Closes the connection and settles every reading still in the node. */
  public void finish() {
    cancelAll();
    if (link != null) {
      link.close(Link.Close.FIN, false);
      if (state == State.CONNECTED) {
        counters.connected.decrementAndGet();
      }
      link = null;
    }
    outbox.finish();
    if (ledger != null) {
      ledger.settlePending(Fate.UNSENT);
    }
    state = State.STOPPED;
  }

  /** Every boot's ledger so far (copies). */
  public List<LedgerRecord> ledger() {
    return boots.stream().map(BootLedger::snapshot).toList();
  }

  // ---- life cycle ----

  private void boot() {
    if (stopping) {
      return;
    }
    bootIndex++;
    bootId = run + "." + bootIndex;
    bootNanos = host.nanoTime();
    nextSeq = 0;
    // Without hello the server names boots itself, ip-1, ip-2, ... (a fresh store assumed).
    ledger = new BootLedger(storeDevice, profile.hello() ? bootId : "ip-" + (bootIndex + 1), group);
    boots.add(ledger);
    outbox.boot(ledger);
    state = State.BOOTING;
    cycling = false;
    coalesceHold = 0;
    retryTimer = host.schedule(profile.association().toNanos(), this::attemptConnect);
    // The sketch reads once it is connected; a node that cannot connect still runs its cycles.
    cycleTimer = host.schedule(profile.interval().toNanos(), this::startCycling);
  }

  private void startCycling() {
    if (!cycling && !stopping) {
      cycling = true;
      cancel(cycleTimer);
      cycle();
    }
  }

  private void attemptConnect() {
    retryTimer = null;
    if (stopping || state == State.STOPPED || state == State.OFF) {
      return;
    }
    if (silent) {
      state = State.WAITING; // no Wi-Fi: the attempt waits for the silence to end
      return;
    }
    state = State.CONNECTING;
    plan = faults.planLink(linkRandom);
    link = host.connect(this, plan, profile.reconnect().connectTimeout().toNanos());
  }

  private void scheduleRetry(long delayMillis) {
    cancel(retryTimer);
    retryTimer = host.schedule(delayMillis * MS, this::attemptConnect);
  }

  // ---- the reading cycle ----

  private void cycle() {
    cycleTimer = null;
    if (stopping || state == State.STOPPED) {
      return;
    }
    long seq = nextSeq++;
    long uptime = (host.nanoTime() - bootNanos) / MS;
    // A stream per (node, boot, seq): its decisions do not depend on anything else that happened.
    SplittableRandom r = new SplittableRandom(Seeds.derive(seed, bootIndex, seq));
    long next = Math.max(1, profile.interval().toMillis() + profile.jitter().draw(r));
    cycleTimer = host.schedule(next * MS, this::cycle);
    sensor.sample(uptime, r);
    counters.generated.increment();
    Reading reading = new Reading(seq & 0xFFFF_FFFFL, uptime & 0xFFFF_FFFFL,
        sensor.temperatureTenths() / 10.0, sensor.humidityTenths() / 10.0);
    CycleOutcome outcome = new CycleOutcome(LineCodec.encode(reading, 1));
    faults.rollCycle(outcome, r);

    if (outcome.sensorFailed()) {
      ledger.add(seq, Fate.SENSOR_FAIL);
      counters.sensorFailures.increment();
    } else if (outcome.dropped()) {
      ledger.add(seq, Fate.DROPPED);
      counters.dropped.increment();
    } else {
      enqueue(seq, outcome);
    }
    boolean release = false;
    if (coalesceHold > 0) {
      release = --coalesceHold == 0;
    } else if (outcome.coalesce() > 1) {
      coalesceHold = outcome.coalesce() - 1;
    }
    flush(release);
    if (outcome.silenceMillis() > 0) {
      startSilence(outcome.silenceMillis());
    }
    if (outcome.reboot() != null) {
      restart(outcome.reboot());
    }
  }

  private void enqueue(long seq, CycleOutcome outcome) {
    boolean mangled = outcome.mangled() != null;
    byte[] body = mangled ? outcome.mangled() : outcome.line().getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = Arrays.copyOf(body, body.length + 2);
    bytes[body.length] = '\r';
    bytes[body.length + 1] = '\n';
    outbox.offer(seq, bytes, mangled, state == State.CONNECTED, silent);
  }

  // ---- sending ----

  /** Hands what the outbox holds to the connection, one write each or all in one. */
  private void flush(boolean asOneWrite) {
    if (state != State.CONNECTED || silent || closing || coalesceHold > 0 || !outbox.hasUnhanded()) {
      return;
    }
    if (plan.blackhole()) {
      outbox.swallow();
      return;
    }
    outbox.handTo(connection, asOneWrite);
  }

  /** The current connection as the outbox writes to it. */
  private final Outbox.Connection connection = new Outbox.Connection() {
    @Override
    public long queued() {
      return queued;
    }

    @Override
    public boolean send(byte[] bytes) {
      sendBytes(bytes);
      return !closing;
    }
  };

  /**
   * Puts bytes on the link through the connection's faults: latency and slicer shape the
   * pieces, limit_data and a mid-line reset_peer cut the write short and close the connection.
   */
  private void sendBytes(byte[] bytes) {
    int len = bytes.length;
    Link.Close closeAfter = null;
    if (resetDue) {
      len = Math.max(1, len / 2);
      closeAfter = Link.Close.RST;
    } else if (plan.limitBytes() >= 0 && queued + len >= plan.limitBytes()) {
      len = (int) (plan.limitBytes() - queued);
      closeAfter = Link.Close.FIN;
    }
    byte[] part = len == bytes.length ? bytes : Arrays.copyOf(bytes, len);
    if (len > 0) {
      Link l = link;
      lastRelease = WireCutter.cut(part, plan, linkRandom, host.nanoTime(), lastRelease, l::send);
    }
    queued += len;
    if (closeAfter != null) {
      closing = true;
      link.close(closeAfter, true);
    }
  }

  // ---- link callbacks ----

  public void onConnected(Link l) {
    if (l != link) {
      return;
    }
    if (silent) {
      // Wi-Fi went away while the handshake was under way: the node never learns it succeeded.
      l.close(Link.Close.RST, false);
      link = null;
      state = State.WAITING;
      return;
    }
    state = State.CONNECTED;
    backoff.connected(host.nanoTime() / MS);
    counters.connected.incrementAndGet();
    counters.connects.increment();
    if (everConnected) {
      counters.reconnects.increment();
    }
    everConnected = true;
    queued = 0;
    lastRelease = 0;
    closing = false;
    resetDue = false;
    framer = null;
    outbox.connectionOpened();
    if (plan.resetAfterMillis() >= 0) {
      resetTimer = host.schedule(plan.resetAfterMillis() * MS, () -> resetPeer(l));
    }
    if (plan.blackhole() && plan.blackholeCloseMillis() > 0) {
      closeTimer = host.schedule(plan.blackholeCloseMillis() * MS, () -> {
        if (l == link && !closing) {
          l.close(Link.Close.FIN, false);
          linkEnded(false);
        }
      });
    }
    if (profile.hello() && !plan.blackhole()) {
      Hello hello = new Hello(device, profile.firmware(), bootId, profile.delivery() == DeliveryMode.ACKNOWLEDGED);
      sendBytes((hello.toLine() + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    if (!cycling) {
      startCycling(); // flushes the first reading itself
    } else {
      flush(false);
    }
  }

  public void onConnectFailed(Link l, boolean timedOut) {
    if (l != link) {
      return;
    }
    link = null;
    state = State.WAITING;
    counters.connectFailures.increment();
    if (timedOut) {
      counters.connectTimeouts.increment();
    }
    if (!stopping) {
      scheduleRetry(backoff.nextDelay(linkRandom));
    }
  }

  /** {@code total} bytes of the current connection are now in the kernel. */
  public void onWritten(Link l, long total) {
    if (l == link) {
      outbox.written(total);
    }
  }

  /** A line from the server: an acknowledgement, or something counted as unexpected. */
  public void onLine(Link l, byte[] b, int off, int len) {
    if (l != link) {
      return;
    }
    Line line = LineCodec.decode(b, off, len);
    if (line instanceof Ack a && profile.delivery() == DeliveryMode.ACKNOWLEDGED) {
      outbox.acknowledged(a.seq());
    } else if (!(line instanceof Blank)) {
      counters.unexpectedLines.increment();
    }
  }

  /** The line framer a link feeds this node's incoming bytes through (made on first use). */
  public dev.hilbench.protocol.LineFramer framer() {
    if (framer == null) {
      framer = new dev.hilbench.protocol.LineFramer();
    }
    return framer;
  }

  /**
   * The connection ended: the server closed or reset it, or a close the node asked for after
   * its queue completed. {@code abrupt} when what was in flight may be lost.
   */
  public void onClosed(Link l, boolean abrupt) {
    if (l != link) {
      return;
    }
    linkEnded(abrupt);
  }

  private void resetPeer(Link l) {
    if (l != link || closing) {
      return;
    }
    if (plan.resetMidLine()) {
      resetDue = true; // the next line is cut halfway and the connection reset
      return;
    }
    l.close(Link.Close.RST, false);
    linkEnded(true);
  }

  private void linkEnded(boolean abrupt) {
    cancel(resetTimer);
    cancel(closeTimer);
    resetTimer = closeTimer = null;
    if (state == State.CONNECTED) {
      counters.connected.decrementAndGet();
    }
    if (abrupt) {
      counters.abruptCloses.increment();
      ledger.abruptEnd();
    }
    link = null;
    framer = null;
    closing = false;
    resetDue = false;
    state = State.WAITING;
    outbox.connectionLost();
    boolean stable = backoff.disconnected(host.nanoTime() / MS);
    if (!stopping) {
      scheduleRetry(stable ? 0 : backoff.nextDelay(linkRandom));
    }
  }

  // ---- silence and reboot ----

  private void startSilence(long millis) {
    counters.silences.increment();
    cancel(silenceTimer);
    if (!silent) {
      silent = true;
      if (link != null && state == State.CONNECTED) {
        link.pauseReading();
      }
    }
    silenceTimer = host.schedule(millis * MS, this::endSilence);
  }

  private void endSilence() {
    silenceTimer = null;
    silent = false;
    if (state == State.CONNECTED && link != null) {
      link.resumeReading(); // if the server gave up on us meanwhile, onClosed runs first
      if (state == State.CONNECTED) {
        outbox.silenceSurvived(); // the connection survived: lwIP delivers them now
        flush(false);
      }
    } else if (state == State.WAITING && retryTimer == null && !stopping) {
      attemptConnect();
    }
  }

  private void restart(RebootLink how) {
    counters.reboots.increment();
    cancelAll();
    if (link != null) {
      boolean wasConnected = state == State.CONNECTED;
      Link.Close close = state == State.CONNECTING ? Link.Close.RST : switch (how) {
        case ORPHAN -> Link.Close.ORPHAN;
        case FIN -> Link.Close.FIN;
        case RST -> Link.Close.RST;
      };
      link.close(close, false);
      if (wasConnected) {
        counters.connected.decrementAndGet();
        if (close == Link.Close.RST) {
          counters.abruptCloses.increment();
          ledger.abruptEnd();
        }
      }
      link = null;
    }
    outbox.lostRam(); // what was buffered is lost, except what the server may already hold
    backoff.disconnected(host.nanoTime() / MS);
    state = State.OFF;
    silent = false;
    closing = false;
    resetDue = false;
    host.schedule(BOOT_MILLIS * MS, this::boot);
  }

  // ---- helpers ----

  private void cancelAll() {
    cancel(cycleTimer);
    cancel(retryTimer);
    cancel(resetTimer);
    cancel(closeTimer);
    cancel(silenceTimer);
    cycleTimer = retryTimer = resetTimer = closeTimer = silenceTimer = null;
  }

  private static void cancel(NodeHost.Timer t) {
    if (t != null) {
      t.cancel();
    }
  }
}
