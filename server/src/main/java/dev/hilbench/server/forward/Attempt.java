package dev.hilbench.server.forward;

import java.time.Duration;
import java.util.Optional;

/** What came of one POST of a batch. */
sealed interface Attempt {

  /** The endpoint answered 2xx: the batch is acknowledged. */
  record Delivered(int status) implements Attempt {}

  /**
   * It may work later (connection error, timeout, 5xx, 429): send the same batch again, after
   * {@code retryAfter} if the endpoint said so, else after the backoff.
   */
  record Retry(String reason, Optional<Duration> retryAfter) implements Attempt {

    Retry(String reason) {
      this(reason, Optional.empty());
    }
  }

  /** The endpoint refused the request in a way retrying will not fix (a 4xx): forwarding stops. */
  record Rejected(String reason) implements Attempt {}
}
