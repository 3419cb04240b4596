package dev.hilbench.server.forward;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one batch body to the endpoint with the JDK's {@link HttpClient} and says what came of it.
 * Network trouble (refused, reset, timed out) is an {@link Attempt.Retry}; the status decides the
 * rest ({@link ResponseClassifier}). Redirects are not followed: a client that follows a 301 or 302
 * turns the POST into a GET and the readings are lost without an error.
 */
final class BatchPoster implements AutoCloseable {

  /** Bytes of a response body kept to quote in a report. */
  private static final int BODY_START = 1024;

  private final ForwardConfig config;
  private final HttpClient client;

  BatchPoster(ForwardConfig config) {
    this.config = config;
    this.client = HttpClient.newBuilder()
        .connectTimeout(config.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        // One request at a time, so HTTP/2 multiplexing buys nothing, and its h2c upgrade attempt on
        // plain http confuses some small servers.
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** Sends {@code body} once. Interrupted (the server is closing): the request is cancelled. */
  Attempt post(byte[] body) throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(config.url())
        .timeout(config.requestTimeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "hilbench-forwarder")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (config.authorization() != null) {
      request.header("Authorization", config.authorization());
    }
    CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request.build(), BodyStart.handler(BODY_START));
    try {
      // The request timeout bounds the wait for the response headers; this bounds a body that never ends.
      HttpResponse<byte[]> r = response.get(2 * config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return ResponseClassifier.classify(r.statusCode(), r.headers(), r.body(), Instant.now());
    } catch (TimeoutException e) {
      response.cancel(true);
      return new Attempt.Retry("the response did not end within " + human(config.requestTimeout().multipliedBy(2)));
    } catch (InterruptedException e) {
      response.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      return failed(e.getCause());
    }
  }

  private Attempt failed(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return new Attempt.Retry("no connection within " + human(config.connectTimeout()));
    }
    if (cause instanceof HttpTimeoutException) {
      return new Attempt.Retry("no response within " + human(config.requestTimeout()));
    }
    if (cause instanceof IOException) {
      return new Attempt.Retry(describe(cause));
    }
    // Not the network: a request the client itself refuses (a bad header, say) fails the same way every time.
    return new Attempt.Rejected("the HTTP client refused the request: " + describe(cause));
  }

  /** "ConnectException: Connection refused", following causes with a message. */
  private static String describe(Throwable t) {
    StringBuilder s = new StringBuilder();
    for (Throwable c = t; c != null && s.length() < 300; c = c.getCause()) {
      if (!s.isEmpty()) {
        s.append(": ");
      }
      s.append(c.getClass().getSimpleName());
      if (c.getMessage() != null) {
        s.append(": ").append(c.getMessage());
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return s.toString();
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /** Cancels anything in flight and releases the client's threads. */
  @Override
  public void close() {
    client.shutdownNow();
  }
}
