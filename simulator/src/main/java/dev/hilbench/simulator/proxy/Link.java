package dev.hilbench.simulator.proxy;

import dev.hilbench.simulator.net.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection and its connection to the upstream, with a {@link Pipeline} each way.
 * A link ends when both directions have passed their FIN on, or at once when a toxic, a peer's
 * reset or the proxy closes it.
 *
 * <p>{@link #meet}, {@link #start}, {@link #add} and {@link #remove} are called under the
 * proxy's change lock only; the rest is thread-safe.
 */
final class Link {

  /** What a link reports to its proxy. */
  interface Owner {
    void closed(Link link, String reason);
  }

  /** The proxy's byte counters, bytes read (in) and written (out) each way, shared by its links. */
  record Counters(AtomicLong upIn, AtomicLong upOut, AtomicLong downIn, AtomicLong downOut) {}

  private final int number;
  private final long seed;
  private final Socket client;
  private final Socket server;
  private final Owner owner;
  private final Pipeline upstream;
  private final Pipeline downstream;
  /** This link's instance of every toxic of the proxy, by id, in the order they were added. */
  private final Map<Integer, LinkToxic> toxics = new LinkedHashMap<>();
  private final Set<Direction> finished = EnumSet.noneOf(Direction.class);
  private final AtomicBoolean closed = new AtomicBoolean();

  Link(int number, long seed, Socket client, Socket server, Counters counters, Owner owner) {
    this.number = number;
    this.seed = seed;
    this.client = client;
    this.server = server;
    this.owner = owner;
    this.upstream = new Pipeline(this, Direction.UPSTREAM, client, server, counters.upIn(), counters.upOut());
    this.downstream = new Pipeline(this, Direction.DOWNSTREAM, server, client, counters.downIn(), counters.downOut());
  }

  int number() {
    return number;
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Meets the proxy's toxics: rolls, once, whether each applies here. */
  void meet(List<ToxicHandle> handles) {
    for (ToxicHandle h : handles) {
      toxics.put(h.id(), Toxicity.meet(h, seed, number));
    }
  }

  /** Starts moving bytes. */
  void start() {
    upstream.start(chain(Direction.UPSTREAM));
    downstream.start(chain(Direction.DOWNSTREAM));
  }

  void add(ToxicHandle h) {
    LinkToxic t = Toxicity.meet(h, seed, number);
    toxics.put(h.id(), t);
    if (t.applies()) {
      pipeline(h.stream()).rebuild(chain(h.stream()));
    }
  }

  void remove(ToxicHandle h) {
    LinkToxic t = toxics.remove(h.id());
    if (t != null && t.applies()) {
      pipeline(h.stream()).rebuild(chain(h.stream()));
    }
  }

  /** {@code slicer#1 upstream, latency#2 downstream} or {@code no toxics}: what applies to this link. */
  String toxicsApplied() {
    List<String> names = new ArrayList<>();
    for (LinkToxic t : toxics.values()) {
      names.add(t.name() + " " + t.handle().stream().label() + (t.applies() ? "" : " (not this link)"));
    }
    return names.isEmpty() ? "no toxics" : String.join(", ", names);
  }

  /** The client's address, {@code 127.0.0.1:40312}. */
  String peer() {
    return HostPort.format((InetSocketAddress) client.getRemoteSocketAddress());
  }

  /** A direction passed its FIN on; when both have, the link is done. */
  void finished(Direction d) {
    boolean both;
    synchronized (finished) {
      finished.add(d);
      both = finished.size() == 2;
    }
    if (both) {
      close("both sides closed");
    }
  }

  /** Closes both sockets (FIN to both peers). */
  void close(String reason) {
    end(reason, false);
  }

  /** Closes both sockets with SO_LINGER 0: RST to both peers. */
  void reset(String reason) {
    end(reason, true);
  }

  private void end(String reason, boolean reset) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    upstream.shutdown();
    downstream.shutdown();
    String problems = closeSocket(client, reset) + closeSocket(server, reset);
    owner.closed(this, problems.isEmpty() ? reason : reason + ";" + problems);
  }

  /** Closes a socket; returns what went wrong, for the close reason, or "". */
  private static String closeSocket(Socket s, boolean reset) {
    try {
      if (reset && !s.isClosed()) {
        s.setSoLinger(true, 0);
      }
      s.close();
      return "";
    } catch (IOException e) {
      return " closing " + s.getRemoteSocketAddress() + " failed: " + e.getMessage();
    }
  }

  private Pipeline pipeline(Direction d) {
    return d == Direction.UPSTREAM ? upstream : downstream;
  }

  private List<LinkToxic> chain(Direction d) {
    return toxics.values().stream().filter(t -> t.applies() && t.handle().stream() == d).toList();
  }
}
