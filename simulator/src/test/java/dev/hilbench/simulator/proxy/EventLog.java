package dev.hilbench.simulator.proxy;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Collects a proxy's events for a test to wait on and read. */
final class EventLog implements Consumer<ProxyEvent> {

  private final List<ProxyEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void accept(ProxyEvent e) {
    events.add(e);
  }

  List<ProxyEvent> all() {
    return List.copyOf(events);
  }

  /** Waits for the event of this kind about this link. */
  ProxyEvent await(ProxyEvent.Kind kind, int link) {
    Awaitility.await("a " + kind + " event for link " + link + " (events so far: " + events + ")")
        .atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
        .until(() -> find(kind, link) != null);
    return find(kind, link);
  }

  private ProxyEvent find(ProxyEvent.Kind kind, int link) {
    return events.stream().filter(e -> e.kind() == kind && e.link() == link).findFirst().orElse(null);
  }
}
