package dev.hilbench.simulator.proxy;

import dev.hilbench.protocol.fault.FaultSpec;
import dev.hilbench.protocol.fault.FaultVocabulary;
import dev.hilbench.simulator.net.HostPort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A TCP proxy that puts network faults between a node and the server, as Toxiproxy does: the
 * network faults of the shared vocabulary, with Toxiproxy's toxic names and parameters:
 * {@code latency}, {@code bandwidth}, {@code slicer}, {@code timeout}, {@code reset_peer},
 * {@code limit_data}, and {@code down} ({@link #setDown}).
 *
 * <pre>{@code
 * try (Proxy proxy = Proxy.start(new InetSocketAddress("127.0.0.1", 0), server, seed)) {
 *   ToxicHandle slicer = proxy.addToxic("slicer", Direction.UPSTREAM, 1.0, Map.of("average_size", 2, "size_variation", 1));
 *   // point the node at 127.0.0.1:proxy.port() ...
 *   proxy.removeToxic(slicer);
 * }
 * }</pre>
 *
 * Toxics may be added and removed while links are open; each link meets each toxic once and a
 * seeded roll decides whether it applies there ({@link Toxicity}). Thread-safe. Every link
 * direction runs on virtual threads: a bench proxy serves tens of links, not thousands.
 */
public final class Proxy implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  private final InetSocketAddress upstream;
  private final long seed;
  private final Consumer<ProxyEvent> events;
  private final InetSocketAddress listen;

  /** Guards the toxics, down/up and link registration, so a new link and a new toxic meet exactly once. */
  private final ReentrantLock changes = new ReentrantLock();
  private final List<ToxicHandle> toxics = new ArrayList<>();
  private int lastToxicId;
  private Listener listener;
  private boolean down;
  private boolean closed;

  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final AtomicInteger linkNumbers = new AtomicInteger();
  private final AtomicLong upstreamUnreachable = new AtomicLong();
  private final Link.Counters counters =
      new Link.Counters(new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());

  private Proxy(InetSocketAddress listen, InetSocketAddress upstream, long seed, Consumer<ProxyEvent> events) {
    this.listen = listen;
    this.upstream = upstream;
    this.seed = seed;
    this.events = events;
  }

  /** Starts a proxy listening on {@code listen} (port 0: a free port) for {@code upstream}. */
  public static Proxy start(InetSocketAddress listen, InetSocketAddress upstream, long seed) throws IOException {
    return start(listen, upstream, seed, e -> { });
  }

  /** As {@link #start(InetSocketAddress, InetSocketAddress, long)}, telling {@code events} what happens to links. */
  public static Proxy start(InetSocketAddress listen, InetSocketAddress upstream, long seed,
      Consumer<ProxyEvent> events) throws IOException {
    Objects.requireNonNull(upstream, "upstream");
    Proxy proxy = new Proxy(Objects.requireNonNull(listen, "listen"), upstream, seed, Objects.requireNonNull(events, "events"));
    proxy.changes.lock();
    try {
      proxy.listener = proxy.openListener(listen);
    } finally {
      proxy.changes.unlock();
    }
    return proxy;
  }

  /** The port clients connect to; it stays the same across {@link #setDown} down and up. */
  public int port() {
    changes.lock();
    try {
      return listener.port();
    } finally {
      changes.unlock();
    }
  }

  /** The address clients connect to. */
  public InetSocketAddress address() {
    return new InetSocketAddress(listen.getAddress(), port());
  }

  public InetSocketAddress upstream() {
    return upstream;
  }

  public long seed() {
    return seed;
  }

  /**
   * Adds a toxic for the open links and every link to come.
   *
   * @param name      a toxic name: latency, bandwidth, slicer, timeout, reset_peer, limit_data
   * @param stream    the direction it acts on
   * @param toxicity  probability (0..1, at most 6 decimals) that it applies to a link, rolled once per link
   * @param params    the vocabulary's parameters: whole numbers in their unit (or text a spec
   *                  takes, such as {@code "2ms"}), {@code mid_line} true or false; missing ones
   *                  take their defaults
   * @throws IllegalArgumentException naming the toxic and parameter that is wrong
   */
  public ToxicHandle addToxic(String name, Direction stream, double toxicity, Map<String, ?> params) {
    Map<String, Object> all = new LinkedHashMap<>(params);
    all.put(FaultVocabulary.STREAM, Objects.requireNonNull(stream, "stream").label());
    return addToxic(FaultSpec.of(name, toxicity, all));
  }

  /**
   * Adds a toxic written in the shared text form, e.g.
   * {@code FaultSpec.parse("slicer,average_size=2,size_variation=1")} or
   * {@code FaultSpec.parse("latency=0.5,latency=200,stream=downstream")}.
   *
   * @throws IllegalArgumentException if the spec is not a toxic: a device fault, or {@code down}
   *     (which is {@link #setDown})
   */
  public ToxicHandle addToxic(FaultSpec spec) {
    ToxicType.of(spec);
    changes.lock();
    try {
      ToxicHandle handle = new ToxicHandle(lastToxicId + 1, spec);
      lastToxicId++;
      toxics.add(handle);
      for (Link link : links) {
        link.add(handle);
      }
      return handle;
    } finally {
      changes.unlock();
    }
  }

  /** Removes a toxic from the open links and the links to come; false if it was not there. */
  public boolean removeToxic(ToxicHandle handle) {
    changes.lock();
    try {
      if (!toxics.remove(handle)) {
        return false;
      }
      for (Link link : links) {
        link.remove(handle);
      }
      return true;
    } finally {
      changes.unlock();
    }
  }

  /** Removes every toxic. */
  public void clearToxics() {
    changes.lock();
    try {
      for (ToxicHandle h : List.copyOf(toxics)) {
        removeToxic(h);
      }
    } finally {
      changes.unlock();
    }
  }

  /** The toxics in effect, in the order they were added. */
  public List<ToxicHandle> toxics() {
    changes.lock();
    try {
      return List.copyOf(toxics);
    } finally {
      changes.unlock();
    }
  }

  /**
   * {@code down}, as Toxiproxy's {@code enabled=false}: the proxy stops listening (clients are
   * refused) and closes every link. Up again, it listens on the same port.
   *
   * @throws IOException if the port cannot be bound again (someone else took it meanwhile)
   */
  public void setDown(boolean goDown) throws IOException {
    changes.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the proxy is closed");
      }
      if (goDown == down) {
        return;
      }
      if (goDown) {
        down = true;
        listener.close();
        closeLinks("proxy down");
      } else {
        listener = openListener(new InetSocketAddress(listen.getAddress(), listener.port()));
        down = false;
      }
    } finally {
      changes.unlock();
    }
  }

  public boolean isDown() {
    changes.lock();
    try {
      return down;
    } finally {
      changes.unlock();
    }
  }

  /** Links open now. */
  public int links() {
    return links.size();
  }

  public ProxyStats stats() {
    return new ProxyStats(linkNumbers.get(), links.size(), upstreamUnreachable.get(),
        counters.upIn().get(), counters.upOut().get(), counters.downIn().get(), counters.downOut().get());
  }

  /** Stops listening and closes every link. */
  @Override
  public void close() {
    changes.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (!down) {
        stopListening();
      }
      closeLinks("proxy closed");
    } finally {
      changes.unlock();
    }
  }

  // ---- accepting -------------------------------------------------------------------------

  private Listener openListener(InetSocketAddress address) throws IOException {
    return Listener.open(address, this::accepted, events);
  }

  /** Called with the change lock held. */
  private void stopListening() {
    try {
      listener.close();
    } catch (IOException e) {
      events.accept(new ProxyEvent(ProxyEvent.Kind.ACCEPT_FAILED, 0, "closing the listening socket failed: " + e.getMessage()));
    }
  }

  private void closeLinks(String reason) {
    for (Link link : List.copyOf(links)) {
      link.close(reason);
    }
  }

  /** On the accept loop: numbers the link and reaches the upstream on a thread of its own. */
  private void accepted(Socket client) {
    int number = linkNumbers.incrementAndGet();
    Thread.ofVirtual().name("proxy-link" + number + "-connect").start(() -> connect(number, client));
  }

  /** Reaches the upstream for a new client, then starts the link, unless the proxy went down meanwhile. */
  private void connect(int number, Socket client) {
    Socket server = new Socket();
    try {
      client.setTcpNoDelay(true); // a proxy must not add Nagle's delays, nor merge a slicer's pieces
      server.setTcpNoDelay(true);
      server.connect(upstream, CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      upstreamUnreachable.incrementAndGet();
      String peer = HostPort.format((InetSocketAddress) client.getRemoteSocketAddress());
      String problems = close(server) + close(client);
      events.accept(new ProxyEvent(ProxyEvent.Kind.UPSTREAM_UNREACHABLE, number,
          peer + " -> " + HostPort.format(upstream) + ": " + e.getMessage() + problems));
      return;
    }
    changes.lock();
    try {
      Link link = new Link(number, seed, client, server, counters, this::linkClosed);
      if (down || closed) {
        link.close(down ? "proxy down" : "proxy closed");
        return;
      }
      link.meet(toxics);
      links.add(link);
      events.accept(new ProxyEvent(ProxyEvent.Kind.LINK_OPENED, number,
          link.peer() + " -> " + HostPort.format(upstream) + ": " + link.toxicsApplied()));
      link.start();
    } finally {
      changes.unlock();
    }
  }

  private void linkClosed(Link link, String reason) {
    links.remove(link);
    events.accept(new ProxyEvent(ProxyEvent.Kind.LINK_CLOSED, link.number(), reason));
  }

  /** Closes a socket; returns what went wrong, for the event, or "". */
  private static String close(Socket s) {
    try {
      s.close();
      return "";
    } catch (IOException e) {
      return "; closing failed: " + e.getMessage();
    }
  }
}
