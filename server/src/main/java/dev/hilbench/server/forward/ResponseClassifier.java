package dev.hilbench.server.forward;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Decides what an HTTP answer means for the batch: delivered (2xx), worth retrying (5xx, 429 and
 * 408, the request timeout), or refused for good (any other status: a 400 will not fix itself).
 * A {@code Retry-After} is honoured on 429 and 503, where RFC 9110 gives it that meaning.
 */
final class ResponseClassifier {

  /** How much of a response body a report quotes. */
  static final int BODY_EXCERPT = 200;

  private ResponseClassifier() {}

  static Attempt classify(int status, HttpHeaders headers, byte[] bodyStart, Instant now) {
    if (status >= 200 && status < 300) {
      return new Attempt.Delivered(status);
    }
    String reason = "HTTP " + status + excerpt(bodyStart);
    if (status == 429 || status == 503) {
      return new Attempt.Retry(reason, headers.firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, now)));
    }
    if (status == 408 || (status >= 500 && status < 600)) {
      return new Attempt.Retry(reason);
    }
    return new Attempt.Rejected(reason + hint(status, headers));
  }

  /** The start of a body, on one line, control characters escaped: {@code ": {"error":...}"}. */
  static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return " (empty body)";
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    boolean cut = text.length() > BODY_EXCERPT;
    if (cut) {
      text = text.substring(0, BODY_EXCERPT);
    }
    StringBuilder s = new StringBuilder(": ");
    text.codePoints().forEach(c -> {
      if (c == '\n' || c == '\r' || c == '\t') {
        s.append(' ');
      } else if (Character.isISOControl(c)) {
        s.append(String.format("\\x%02x", c));
      } else {
        s.appendCodePoint(c);
      }
    });
    return cut ? s.append("...").toString() : s.toString();
  }

  private static String hint(int status, HttpHeaders headers) {
    return switch (status) {
      case 401, 403 -> " (check HILBENCH_FORWARD_AUTHORIZATION)";
      case 301, 302, 303, 307, 308 -> " (redirected" + headers.firstValue("Location").map(ResponseClassifier::location)
          .orElse("") + "; redirects are not followed: give --forward the final URL)";
      case 404, 405 -> " (check the --forward URL)";
      case 413 -> " (the batch is too large for the endpoint: lower --forward-batch)";
      default -> "";
    };
  }

  private static String location(String value) {
    try {
      return " to " + Redact.url(URI.create(value.strip()));
    } catch (IllegalArgumentException e) {
      return " to an invalid Location";
    }
  }
}
