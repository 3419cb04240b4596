package dev.hilbench.server.net;

/** Why the server closed a connection, as printed and stored in the session events. */
enum CloseReason {
  EOF("closed by the node"),
  RESET("connection reset"),
  IDLE_TIMEOUT("idle timeout: silent for longer than the idle timeout"),
  TAKEOVER("taken over: the same device connected again"),
  SHUTDOWN("server shutting down"),
  ERROR("internal error, see the server's error output");

  final String text;

  CloseReason(String text) {
    this.text = text;
  }
}
