package dev.hilbench.server.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForwardConfigTest {

  private static final ForwardConfig OK = ForwardConfig.to(URI.create("http://127.0.0.1:8000/readings"));

  @Test
  void theDefaults() {
    assertEquals(500, OK.batchSize());
    assertEquals(Duration.ofSeconds(1), OK.interval());
    assertEquals(Duration.ofMillis(500), OK.retryBase());
    assertEquals(Duration.ofSeconds(30), OK.retryCap());
    assertEquals(null, OK.authorization());
  }

  @Test
  void badValuesAreRefusedWithTheirName() {
    refused("http:// or https://", () -> ForwardConfig.to(URI.create("ftp://host/x")));
    refused("http:// or https://", () -> ForwardConfig.to(URI.create("/relative/path")));
    refused("no host", () -> ForwardConfig.to(URI.create("http:///path")));
    refused("batch", () -> OK.withBatchSize(0));
    refused("batch", () -> OK.withBatchSize(ForwardConfig.MAX_BATCH + 1));
    refused("interval", () -> OK.withInterval(Duration.ZERO));
    refused("request timeout", () -> OK.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(-1)));
    refused("connect timeout", () -> OK.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)));
    refused("retry base", () -> OK.withRetry(Duration.ZERO, Duration.ofSeconds(1)));
    refused("below the retry base", () -> OK.withRetry(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    refused("one non-blank line", () -> OK.withAuthorization("Bearer a\r\nX-Evil: 1"));
    refused("needs a database", () -> ServerConfig.forTests(null).withForward(OK));
    refused("needs a database", () -> ServerConfig.forTests(Path.of("x.db")).withForward(OK).withDatabase(null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "http://127.0.0.1:8000/readings, http://127.0.0.1:8000/readings",
      "https://user:s3cret@api.example.test/in, https://api.example.test/in",
      "https://api.example.test/update?api_key=s3cret&field=1, https://api.example.test/update?api_key=***&field=***",
      "http://h/p?flag&k=, http://h/p?flag&k=***",
      "http://h:81/p#frag, http://h:81/p"})
  void urlsAreShownWithoutSecrets(String url, String shown) {
    assertEquals(shown, Redact.url(URI.create(url)));
  }

  @Test
  void toStringHidesTheSecrets() {
    String text = ForwardConfig.to(URI.create("https://u:pw@api.example.test/in?key=s3cret"))
        .withAuthorization("Bearer t0ken").toString();
    assertTrue(!text.contains("s3cret") && !text.contains("t0ken") && !text.contains("pw"), text);
    assertTrue(text.contains("authorization=***") && text.contains("key=***"), text);
  }

  private static void refused(String fragment, Supplier<?> make) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::get);
    assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' in: " + e.getMessage());
  }
}
