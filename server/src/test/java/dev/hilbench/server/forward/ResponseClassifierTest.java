package dev.hilbench.server.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseClassifierTest {

  private static final Instant NOW = Instant.parse("2025-10-21T07:28:00Z");
  private static final HttpHeaders NONE = headers(Map.of());

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "200, Delivered", "201, Delivered", "202, Delivered", "204, Delivered", "299, Delivered",
      "408, Retry", "429, Retry", "500, Retry", "502, Retry", "503, Retry", "504, Retry", "599, Retry",
      "100, Rejected", "301, Rejected", "302, Rejected", "304, Rejected", "308, Rejected", "400, Rejected",
      "401, Rejected", "403, Rejected", "404, Rejected", "405, Rejected", "409, Rejected", "413, Rejected",
      "415, Rejected", "422, Rejected", "451, Rejected", "600, Rejected"})
  void theStatusDecides(int status, String kind) {
    Attempt a = ResponseClassifier.classify(status, NONE, new byte[0], NOW);
    assertEquals(kind, a.getClass().getSimpleName(), "HTTP " + status);
  }

  @Test
  void retryAfterCountsOn429And503Only() {
    HttpHeaders h = headers(Map.of("Retry-After", List.of("7")));
    assertEquals(Optional.of(Duration.ofSeconds(7)), retry(429, h).retryAfter());
    assertEquals(Optional.of(Duration.ofSeconds(7)), retry(503, h).retryAfter());
    assertEquals(Optional.empty(), retry(500, h).retryAfter(), "RFC 9110 gives Retry-After no meaning on a 500");
    assertEquals(Optional.empty(), retry(429, NONE).retryAfter());
    assertEquals(Optional.empty(), retry(429, headers(Map.of("Retry-After", List.of("later")))).retryAfter());
  }

  @Test
  void aRefusalQuotesTheStatusAndTheStartOfTheBodyOnOneLine() {
    byte[] body = "{\"error\":\"unknown field\",\n\"field\":\"peer\"}\u0007".getBytes(StandardCharsets.UTF_8);
    Attempt.Rejected r = assertInstanceOf(Attempt.Rejected.class, ResponseClassifier.classify(400, NONE, body, NOW));
    assertEquals("HTTP 400: {\"error\":\"unknown field\", \"field\":\"peer\"}\\x07", r.reason());

    String page = "<html>" + "x".repeat(5000) + "</html>";
    Attempt.Rejected big = assertInstanceOf(Attempt.Rejected.class,
        ResponseClassifier.classify(404, NONE, page.getBytes(StandardCharsets.UTF_8), NOW));
    assertTrue(big.reason().startsWith("HTTP 404: <html>xxx"), big.reason());
    assertTrue(big.reason().contains("...") && big.reason().length() < 300, big.reason());
    assertTrue(big.reason().endsWith("(check the --forward URL)"), big.reason());

    assertEquals("HTTP 403 (empty body) (check HILBENCH_FORWARD_AUTHORIZATION)",
        ((Attempt.Rejected) ResponseClassifier.classify(403, NONE, new byte[0], NOW)).reason());
    assertEquals("HTTP 413 (empty body) (the batch is too large for the endpoint: lower --forward-batch)",
        ((Attempt.Rejected) ResponseClassifier.classify(413, NONE, null, NOW)).reason());
  }

  @Test
  void aRedirectNamesWhereToWithoutItsSecrets() {
    HttpHeaders h = headers(Map.of("Location", List.of("https://api.example.test/v2/readings?key=s3cret")));
    Attempt.Rejected r = assertInstanceOf(Attempt.Rejected.class, ResponseClassifier.classify(301, h, new byte[0], NOW));
    assertTrue(r.reason().contains("redirected to https://api.example.test/v2/readings?key=***"), r.reason());
    assertTrue(!r.reason().contains("s3cret"), r.reason());
  }

  private static Attempt.Retry retry(int status, HttpHeaders h) {
    return assertInstanceOf(Attempt.Retry.class, ResponseClassifier.classify(status, h, new byte[0], NOW));
  }

  private static HttpHeaders headers(Map<String, List<String>> map) {
    return HttpHeaders.of(map, (name, value) -> true);
  }
}
