package dev.hilbench.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.Reading;
import dev.hilbench.server.IdentifiedBy;
import dev.hilbench.server.OutputMode;
import dev.hilbench.server.ReceiverServer;
import dev.hilbench.server.ServerConfig;
import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.server.store.StoreBatch;
import dev.hilbench.server.store.StreamRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandsTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  @Test
  void serveDefaultsAreTheClassroomServers() {
    ServeCommand serve = new ServeCommand();
    serveLine(serve).parseArgs();
    assertEquals(ServerConfig.defaults(), serve.config());
    assertEquals(ReceiverServer.Tuning.defaults(), serve.tuning());
  }

  @Test
  void connectionThreadsAreTheServersTuning() {
    ServeCommand serve = new ServeCommand();
    serveLine(serve).parseArgs("--connection-threads", "3");
    assertEquals(3, serve.tuning().connectionThreads());
  }

  @Test
  void serveOptionsMakeTheConfig() {
    ServeCommand serve = new ServeCommand();
    serveLine(serve).parseArgs("--port", "6000", "--bind", "127.0.0.1", "--store", "none", "--output", "json",
        "--idle-timeout", "500ms", "--max-connections", "19000", "--admin-port", "-1", "--admin-bind", "0.0.0.0",
        "--max-line", "512", "--backlog", "128");
    ServerConfig c = serve.config();
    assertEquals(6000, c.port());
    assertEquals("127.0.0.1", c.bind());
    assertNull(c.database(), "--store none stores nothing");
    assertEquals(OutputMode.JSON, c.output());
    assertEquals(Duration.ofMillis(500), c.idleTimeout());
    assertEquals(19000, c.maxConnections());
    assertEquals(-1, c.adminPort());
    assertEquals("0.0.0.0", c.adminBind());
    assertEquals(512, c.maxLineLength());
    assertEquals(128, c.backlog());
  }

  @Test
  void badServeOptionsAreUsageErrors() {
    for (String[] args : List.of(new String[] {"--port", "70000"}, new String[] {"--idle-timeout", "5"},
        new String[] {"--store", "postgres"}, new String[] {"--max-connections", "0"},
        new String[] {"--connection-threads", "0"})) {
      StringWriter errText = new StringWriter();
      CommandLine cl = serveLine(new ServeCommand()).setErr(new PrintWriter(errText));
      assertEquals(2, cl.execute(args), String.join(" ", args) + ": " + errText);
      assertTrue(!errText.toString().isBlank(), "a message for " + String.join(" ", args));
    }
  }

  @Test
  void serveFailsWithExitOneWhenThePortIsTaken() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      StringWriter out = new StringWriter();
      CommandLine cl = serveLine(new ServeCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
      // The command prints to the process's standard streams; only its exit status is checked here.
      int status = cl.execute("--bind", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()), "--store", "none",
          "--admin-port", "-1");
      assertEquals(1, status);
    }
  }

  @Test
  void exportWritesTheStoredReadingsAsCsv() throws Exception {
    Path db = dir.resolve("r.db");
    try (ReadingStore store = ReadingStore.open(db)) {
      StoreBatch b = new StoreBatch();
      b.addStream(new StreamRecord(1, "node-1", IdentifiedBy.HELLO, "b1", "127.0.0.1:4000", 0));
      b.addReading(1, new Reading(12, 1234567, 28.3, 65.2), 1740844801042L);
      b.addReading(1, new Reading(13, 1239567, 28.4, 65.0), 1740844806042L);
      store.write(List.of(b));
    }
    Path csv = dir.resolve("out/readings.csv");
    Files.createDirectories(csv.getParent());
    CommandLine export = new CommandLine(new ExportCommand()).setErr(new PrintWriter(err));
    assertEquals(0, export.execute("--db", db.toString(), "--out", csv.toString()), err.toString());
    assertEquals(List.of(CsvExport.HEADER,
        "node-1,b1,12,1234567,28.3,65.2,2025-03-01T16:00:01.042Z,127.0.0.1:4000",
        "node-1,b1,13,1239567,28.4,65.0,2025-03-01T16:00:06.042Z,127.0.0.1:4000"), Files.readAllLines(csv));
    assertTrue(err.toString().contains("2 readings"), err.toString());
  }

  @Test
  void exportOfAMissingStoreFailsWithAMessage() {
    CommandLine export = new CommandLine(new ExportCommand()).setErr(new PrintWriter(err));
    Path missing = dir.resolve("missing.db");
    assertEquals(1, export.execute("--db", missing.toString(), "--out", dir.resolve("x.csv").toString()));
    assertTrue(err.toString().contains("no store at"), err.toString());
    assertTrue(!Files.exists(dir.resolve("x.csv")), "no empty output file is left behind");
  }

  private static CommandLine serveLine(ServeCommand serve) {
    return new CommandLine(serve).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
