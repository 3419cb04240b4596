package dev.hilbench.server.net;

import dev.hilbench.server.output.Problems;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The thread that accepts connections (blocking accept, so a burst of thousands of connects costs
 * the connection threads nothing) and deals them round-robin to the {@link SelectorLoop}s.
 *
 * <p>Beyond {@code maxConnections} a connection is accepted and closed at once (a clean FIN, the
 * node sees its connection end and retries later) and counted; this is reported at most once a
 * second. When the process runs out of file descriptors, accepting pauses for a moment: the
 * connection waits in the listen backlog, the ones open are unaffected.
 */
public final class Acceptor {

  private static final long PAUSE_ON_ERROR_MILLIS = 100;

  private final ServerSocketChannel listener;
  private final SelectorLoop[] loops;
  private final ServerCounters counters;
  private final int maxConnections;
  private final Problems problems;
  private final Thread thread;
  private int next;
  private long lastReportNanos = Long.MIN_VALUE / 2;
  private long unreported;

  public Acceptor(ServerSocketChannel listener, SelectorLoop[] loops, ServerCounters counters, int maxConnections,
      Problems problems) {
    this.listener = listener;
    this.loops = loops;
    this.counters = counters;
    this.maxConnections = maxConnections;
    this.problems = problems;
    this.thread = new Thread(this::run, "hilbench-acceptor");
  }

  public void start() {
    thread.start();
  }

  /** Stops accepting: closes the listening socket and waits for the thread. */
  public void stop() throws InterruptedException {
    try {
      listener.close();
    } catch (IOException e) {
      problems.report("cannot close the listening socket: " + e.getMessage());
    }
    thread.join();
  }

  private void run() {
    while (true) {
      SocketChannel channel;
      try {
        channel = listener.accept();
      } catch (ClosedChannelException e) {
        return; // stop() closed the listener: the normal end
      } catch (IOException e) {
        if (!listener.isOpen()) {
          return;
        }
        report("cannot accept a connection: " + e.getMessage() + "; accepting pauses " + PAUSE_ON_ERROR_MILLIS + " ms");
        try {
          TimeUnit.MILLISECONDS.sleep(PAUSE_ON_ERROR_MILLIS); // out of descriptors: give closes a chance
        } catch (InterruptedException ie) {
          return;
        }
        continue;
      }
      if (!counters.tryOpen(maxConnections)) {
        counters.refused();
        refuse(channel);
        continue;
      }
      try {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true); // acks are tiny and should leave at once
      } catch (IOException e) {
        close(channel);
        counters.closed();
        continue;
      }
      loops[next].adopt(channel);
      next = (next + 1) % loops.length;
    }
  }

  private void refuse(SocketChannel channel) {
    String from;
    try {
      from = String.valueOf(channel.getRemoteAddress());
    } catch (IOException e) {
      from = "a node";
    }
    close(channel);
    report("refused a connection from " + from + ": " + maxConnections + " connections are open (--max-connections)");
  }

  /** Reports at most once a second, saying how many reports were held back. */
  private void report(String message) {
    long now = System.nanoTime();
    if (now - lastReportNanos < TimeUnit.SECONDS.toNanos(1)) {
      unreported++;
      return;
    }
    lastReportNanos = now;
    problems.report(unreported > 0 ? message + " (and " + unreported + " more since the last report)" : message);
    unreported = 0;
  }

  private void close(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      problems.report("cannot close a connection: " + e.getMessage());
    }
  }
}
