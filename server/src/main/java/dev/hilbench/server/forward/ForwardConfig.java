package dev.hilbench.server.forward;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where and how stored readings are forwarded over HTTP (see {@code docs/server.md}, Forwarding).
 *
 * @param url            the endpoint readings are POSTed to, http or https
 * @param batchSize      readings per request, at most
 * @param interval       how often the store is looked at for new readings once everything is sent
 * @param connectTimeout how long a TCP (and TLS) connect may take
 * @param requestTimeout how long the endpoint may take to answer a request
 * @param retryBase      the first retry waits up to this long; each further one up to twice as long...
 * @param retryCap       ...but never more than this (full jitter: the wait is uniform in [0, ceiling])
 * @param seed           seeds the jitter, so a run's retry timing can be replayed
 * @param authorization  the value of an {@code Authorization} header, or null for none; a secret, so
 *                       it never appears in {@link #toString()} or a log
 */
public record ForwardConfig(
    URI url,
    int batchSize,
    Duration interval,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration retryBase,
    Duration retryCap,
    long seed,
    String authorization) {

  public static final int DEFAULT_BATCH = 500;
  public static final int MAX_BATCH = 100_000;
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_RETRY_BASE = Duration.ofMillis(500);
  public static final Duration DEFAULT_RETRY_CAP = Duration.ofSeconds(30);

  public ForwardConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(retryBase, "retryBase");
    Objects.requireNonNull(retryCap, "retryCap");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("forward URL must be http:// or https://, got " + Redact.url(url));
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new IllegalArgumentException("forward URL has no host: " + Redact.url(url));
    }
    if (batchSize < 1 || batchSize > MAX_BATCH) {
      throw new IllegalArgumentException("forward batch must be 1.." + MAX_BATCH + " readings, got " + batchSize);
    }
    requirePositive("forward interval", interval);
    requirePositive("forward connect timeout", connectTimeout);
    requirePositive("forward request timeout", requestTimeout);
    requirePositive("forward retry base", retryBase);
    if (retryCap.compareTo(retryBase) < 0) {
      throw new IllegalArgumentException("forward retry cap (" + retryCap + ") is below the retry base (" + retryBase + ")");
    }
    if (authorization != null && (authorization.isBlank() || authorization.indexOf('\n') >= 0
        || authorization.indexOf('\r') >= 0)) {
      throw new IllegalArgumentException("forward authorization must be one non-blank line");
    }
  }

  /** Forwarding to {@code url} with the defaults: 500 readings a batch, every second, retries from 500 ms up to 30 s. */
  public static ForwardConfig to(URI url) {
    return new ForwardConfig(url, DEFAULT_BATCH, DEFAULT_INTERVAL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_RETRY_BASE, DEFAULT_RETRY_CAP, ThreadLocalRandom.current().nextLong(), null);
  }

  public ForwardConfig withBatchSize(int n) {
    return new ForwardConfig(url, n, interval, connectTimeout, requestTimeout, retryBase, retryCap, seed, authorization);
  }

  public ForwardConfig withInterval(Duration d) {
    return new ForwardConfig(url, batchSize, d, connectTimeout, requestTimeout, retryBase, retryCap, seed, authorization);
  }

  public ForwardConfig withTimeouts(Duration connect, Duration request) {
    return new ForwardConfig(url, batchSize, interval, connect, request, retryBase, retryCap, seed, authorization);
  }

  public ForwardConfig withRetry(Duration base, Duration cap) {
    return new ForwardConfig(url, batchSize, interval, connectTimeout, requestTimeout, base, cap, seed, authorization);
  }

  public ForwardConfig withSeed(long s) {
    return new ForwardConfig(url, batchSize, interval, connectTimeout, requestTimeout, retryBase, retryCap, s, authorization);
  }

  public ForwardConfig withAuthorization(String a) {
    return new ForwardConfig(url, batchSize, interval, connectTimeout, requestTimeout, retryBase, retryCap, seed, a);
  }

  /** The URL as it may be shown: without user info, query values masked. */
  public String displayUrl() {
    return Redact.url(url);
  }

  /** Everything but the secrets: the URL redacted, the authorization only said to be there. */
  @Override
  public String toString() {
    return "ForwardConfig[url=" + displayUrl() + ", batchSize=" + batchSize + ", interval=" + interval
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", retryBase=" + retryBase
        + ", retryCap=" + retryCap + ", seed=" + seed + ", authorization=" + (authorization == null ? "none" : "***")
        + "]";
  }

  private static void requirePositive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
