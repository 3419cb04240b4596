package dev.hilbench.server.forward;

import java.util.Locale;

/** What the forwarder is doing. */
public enum ForwardState {
  /** Sending what is committed, or waiting for more. */
  FORWARDING,
  /** The last attempt failed in a way that may pass (network, timeout, 5xx, 429): retrying the same batch. */
  RETRYING,
  /** The endpoint refused a batch (a 4xx): forwarding stopped until the server restarts; readings are still stored. */
  STOPPED,
  /** An unexpected error ended the forwarder thread (a bug): see the error stream. */
  FAILED;

  /** The name on the wire: {@code forwarding}, {@code retrying}, {@code stopped}, {@code failed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
