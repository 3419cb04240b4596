package dev.hilbench.server.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.ServerStats;
import dev.hilbench.server.forward.ForwardStatus;
import dev.hilbench.server.output.Problems;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin HTTP server (the JDK's own, no dependency), on 127.0.0.1 by default:
 *
 * <ul>
 *   <li>{@code GET /status}: the global counters as JSON;
 *   <li>{@code GET /devices}: every device session as JSON; {@code /devices/<id>} one of them;
 *   <li>{@code GET /metrics}: the counters in the Prometheus text format.
 * </ul>
 *
 * One thread serves it: requests are rare and cheap, and must not compete with connection threads.
 */
public final class AdminServer {

  private static final String INDEX = """
      hilbench receiver admin
        /status       global counters (JSON)
        /devices      every device session (JSON); /devices/<id> one device
        /metrics      counters in the Prometheus text format
      """;

  private final HttpServer http;
  private final ExecutorService executor;
  private final Supplier<ServerStats> stats;
  private final Supplier<Optional<ForwardStatus>> forward;
  private final Supplier<List<DeviceSnapshot>> devices;
  private final Function<String, Optional<DeviceSnapshot>> device;
  private final Problems problems;

  private AdminServer(HttpServer http, Supplier<ServerStats> stats, Supplier<Optional<ForwardStatus>> forward,
      Supplier<List<DeviceSnapshot>> devices, Function<String, Optional<DeviceSnapshot>> device, Problems problems) {
    this.http = http;
    this.stats = stats;
    this.forward = forward;
    this.devices = devices;
    this.device = device;
    this.problems = problems;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "hilbench-admin-http");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(executor);
    http.createContext("/", this::handle);
  }

  /** Binds and starts serving; port 0 takes a free one. {@code forward} is empty when not forwarding. */
  public static AdminServer start(String bind, int port, Supplier<ServerStats> stats,
      Supplier<Optional<ForwardStatus>> forward, Supplier<List<DeviceSnapshot>> devices, Function<String, Optional<DeviceSnapshot>> device, Problems problems)
      throws IOException {
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(bind, port), 64);
    } catch (IOException e) {
      throw new IOException("cannot serve admin HTTP on " + bind + ":" + port + ": " + e.getMessage(), e);
    }
    AdminServer server = new AdminServer(http, stats, forward, devices, device, problems);
    http.start();
    return server;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** Stops at once: admin requests in progress are cut, nothing else depends on them. */
  public void stop() {
    http.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try {
      route(exchange);
    } catch (IOException e) {
      // The client went away mid-response: nothing to answer; say it once on the error stream.
      problems.report("admin HTTP: " + exchange.getRequestURI() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      problems.report("admin HTTP: internal error on " + exchange.getRequestURI(), e);
      try {
        send(exchange, 500, "text/plain; charset=utf-8", "internal error: " + e + "\n");
      } catch (IOException | RuntimeException alsoFailed) {
        e.addSuppressed(alsoFailed); // headers may have gone out already; reported above
      }
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().add("Allow", "GET, HEAD");
      send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD are served here\n");
      return;
    }
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case "/", "" -> send(exchange, 200, "text/plain; charset=utf-8", INDEX);
      case "/status" -> send(exchange, 200, "application/json", AdminJson.status(stats.get(), forward.get()));
      case "/devices", "/devices/" -> send(exchange, 200, "application/json", AdminJson.devices(devices.get()));
      case "/metrics" -> send(exchange, 200, MetricsText.CONTENT_TYPE, MetricsText.format(stats.get(), forward.get()));
      default -> {
        if (path.startsWith("/devices/")) {
          String id = path.substring("/devices/".length());
          Optional<DeviceSnapshot> d = device.apply(id);
          if (d.isPresent()) {
            send(exchange, 200, "application/json", AdminJson.device(d.get()));
          } else {
            send(exchange, 404, "text/plain; charset=utf-8", "no device '" + id + "' (see /devices)\n");
          }
        } else {
          send(exchange, 404, "text/plain; charset=utf-8", "no such page: " + path + "\n\n" + INDEX);
        }
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
