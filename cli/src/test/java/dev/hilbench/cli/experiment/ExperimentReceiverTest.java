package dev.hilbench.cli.experiment;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.cli.receiver.FreePort;
import dev.hilbench.cli.receiver.RestartableReceiver;
import dev.hilbench.protocol.Hello;
import dev.hilbench.protocol.LineCodec;
import dev.hilbench.protocol.Reading;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.ServerConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The experiment's receiver goes down and comes back on the same port, a new instance each time. */
class ExperimentReceiverTest {

  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  @Test
  void itRestartsOnTheSamePortBelowTheEphemeralRange() throws Exception {
    int port = FreePort.below32768(RestartRun.HOST);
    assertTrue(port >= FreePort.LOW && port < FreePort.HIGH, "port " + port);
    ServerConfig config = ServerConfig.forTests(null).withPort(port).withAdminPort(-1);
    try (RestartableReceiver receiver = new RestartableReceiver(config, QUIET, QUIET)) {
      receiver.start();
      assertEquals(1, receiver.instance());
      try (Socket node = connect(port)) {
        send(node, "t-1", 0);
        await("the first instance to store t-1's reading").atMost(Duration.ofSeconds(10))
            .until(() -> readings(receiver, "t-1") == 1);
      }

      receiver.stop();
      assertEquals(0, receiver.instance(), "down");
      assertTrue(receiver.current().isEmpty());
      assertThrows(ConnectException.class, () -> connect(port).close(), "nothing listens while it is down");

      receiver.start();
      assertEquals(2, receiver.instance(), "the second instance");
      try (Socket node = connect(port)) {
        send(node, "t-1", 1);
        await("the second instance to see t-1 connect and store its reading").atMost(Duration.ofSeconds(10))
            .until(() -> readings(receiver, "t-1") == 1
                && receiver.current().flatMap(s -> s.device("t-1")).map(DeviceSnapshot::connects).orElse(0L) == 1);
      }
    }
  }

  @Test
  void startingTwiceOrOnPortZeroIsRefused() throws Exception {
    assertThrows(IllegalArgumentException.class,
        () -> new RestartableReceiver(ServerConfig.forTests(null).withAdminPort(-1), QUIET, QUIET));
    int port = FreePort.below32768(RestartRun.HOST);
    try (RestartableReceiver receiver = new RestartableReceiver(
        ServerConfig.forTests(null).withPort(port).withAdminPort(-1), QUIET, QUIET)) {
      receiver.start();
      assertThrows(IllegalStateException.class, receiver::start);
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(RestartRun.HOST, port), 2000);
    return s;
  }

  private static void send(Socket node, String device, long seq) throws IOException {
    String lines = new Hello(device, "test-1", "boot-1", false).toLine() + "\r\n"
        + LineCodec.encode(new Reading(seq, 1000 + seq, 21.5, 40.0), 1) + "\r\n";
    node.getOutputStream().write(lines.getBytes(StandardCharsets.US_ASCII));
    node.getOutputStream().flush();
  }

  private static long readings(RestartableReceiver receiver, String device) {
    return receiver.current().flatMap(s -> s.device(device)).map(DeviceSnapshot::readings).orElse(0L);
  }
}
