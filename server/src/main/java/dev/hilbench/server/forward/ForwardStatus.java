package dev.hilbench.server.forward;

import java.time.Instant;

/**
 * The forwarder at one moment, for {@code /status} and {@code /metrics}.
 *
 * @param url             the endpoint, redacted (no user info, query values masked)
 * @param state           what it is doing
 * @param forwarded       readings acknowledged by the endpoint (2xx) since the server started
 * @param batches         requests acknowledged since the server started
 * @param retries         failed attempts that were retried since the server started
 * @param lag             readings committed and not yet acknowledged
 * @param cursor          rowid of the last reading acknowledged (kept in the store's {@code forward_cursors})
 * @param lastError       the last failure (status and the start of the body, or the network error), null if none
 * @param lastErrorAt     when it happened, null if none
 * @param lastDeliveryAt  when the endpoint last acknowledged a batch, null if not yet
 * @param seed            the seed of the retry jitter
 */
public record ForwardStatus(
    String url,
    ForwardState state,
    long forwarded,
    long batches,
    long retries,
    long lag,
    long cursor,
    String lastError,
    Instant lastErrorAt,
    Instant lastDeliveryAt,
    long seed) {}
