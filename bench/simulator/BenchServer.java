import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The receiver in a process of its own (one process may hold 20,000 descriptors here, and the
 * server and the fleet each need one per connection), started from the cli jar.
 */
final class BenchServer implements AutoCloseable {

  private final Process process;
  final int port;
  final Path db;

  private BenchServer(Process process, int port, Path db) {
    this.process = process;
    this.port = port;
    this.db = db;
  }

  static BenchServer start(Path jar, int port, Path db, int backlog, Path log) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "serve", "--bind", "127.0.0.1",
        "--port", String.valueOf(port), "--db", db.toString(), "--output", "quiet", "--admin-port", "-1",
        "--backlog", String.valueOf(backlog), "--max-connections", "20000", "--idle-timeout", "0"));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    BenchServer s = new BenchServer(p, port, db);
    s.awaitListening(Duration.ofSeconds(60));
    return s;
  }

  /** Polls until the port accepts (or the process died). */
  void awaitListening(Duration atMost) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the server exited with " + process.exitValue() + " before listening on " + port);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20); // a benchmark's own pacing, bounded by the deadline
      }
    }
    throw new IOException("the server did not listen on " + port + " within " + atMost);
  }

  /** SIGKILL: the server is gone at once, the kernel closes its connections. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: the server stores what it read, then exits. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** A port below 32768 (outside the ephemeral range the fleet's sockets use), checked free. */
  static int freeFixedPort() throws IOException {
    for (int port = 23000 + (int) (ProcessHandle.current().pid() % 5000); port < 32768; port++) {
      try (ServerSocket s = new ServerSocket()) {
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        // try the next one
      }
    }
    throw new IOException("no free port below 32768");
  }
}
