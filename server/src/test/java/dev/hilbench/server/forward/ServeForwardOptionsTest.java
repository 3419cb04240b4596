package dev.hilbench.server.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.server.ServerConfig;
import dev.hilbench.server.cli.ServeCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve --forward ...}: the options, their errors and their help. */
class ServeForwardOptionsTest {

  @Test
  void withoutForwardNothingIsForwarded() {
    ServeCommand serve = new ServeCommand();
    line(serve).parseArgs();
    assertNull(serve.config().forward());
  }

  @Test
  void theForwardOptionsMakeTheForwardConfig() {
    ServeCommand serve = new ServeCommand().environment(Map.of("HILBENCH_FORWARD_AUTHORIZATION", "Bearer t0ken")::get);
    line(serve).parseArgs("--forward", "https://api.example.test/v1/readings", "--forward-batch", "50",
        "--forward-interval", "250ms", "--forward-timeout", "3s", "--forward-connect-timeout", "2s",
        "--forward-retry-base", "100ms", "--forward-retry-cap", "1m", "--forward-seed", "42");
    ForwardConfig f = serve.config().forward();
    assertEquals(new ForwardConfig(URI.create("https://api.example.test/v1/readings"), 50, Duration.ofMillis(250),
        Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofMinutes(1), 42,
        "Bearer t0ken"), f);
  }

  @Test
  void theDefaultsAreThoseOfForwardConfig() {
    ServeCommand serve = new ServeCommand().environment(name -> null);
    line(serve).parseArgs("--forward", "http://127.0.0.1:9000/in");
    ForwardConfig f = serve.config().forward();
    ForwardConfig defaults = ForwardConfig.to(URI.create("http://127.0.0.1:9000/in")).withSeed(f.seed());
    assertEquals(defaults, f);
  }

  @Test
  void badForwardOptionsAreUsageErrors() {
    for (List<String> args : List.of(
        List.of("--forward", "ftp://host/x"),
        List.of("--forward", "http://host/x", "--store", "none"),
        List.of("--forward", "http://host/x", "--forward-batch", "0"),
        List.of("--forward", "http://host/x", "--forward-interval", "0"),
        List.of("--forward", "http://host/x", "--forward-retry-base", "2s", "--forward-retry-cap", "1s"),
        List.of("--forward", "http://host/x", "--forward-timeout", "soon"),
        List.of("--forward", "http://bad host/"))) {
      StringWriter err = new StringWriter();
      CommandLine cl = line(new ServeCommand()).setErr(new PrintWriter(err));
      assertEquals(2, cl.execute(args.toArray(String[]::new)), args + ": " + err);
      assertTrue(err.toString().contains("forward") || err.toString().contains("Invalid value"), args + ": " + err);
    }
  }

  @Test
  void theHelpExplainsForwarding() {
    String help = line(new ServeCommand()).getUsageMessage();
    for (String word : List.of("--forward=URL", "--forward-batch", "--forward-interval", "--forward-timeout",
        "--forward-retry-base", "--forward-retry-cap", "--forward-seed", "(device, boot, seq)", "Retry-After",
        "HILBENCH_FORWARD_AUTHORIZATION", "at-least-once")) {
      assertTrue(help.contains(word), word + " in:\n" + help);
    }
  }

  @Test
  void serverConfigDefaultsStillForwardNothing() {
    assertNull(ServerConfig.defaults().forward());
  }

  private static CommandLine line(ServeCommand serve) {
    return new CommandLine(serve).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
