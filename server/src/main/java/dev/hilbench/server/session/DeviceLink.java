package dev.hilbench.server.session;

/** An open connection as a device session sees it: something a newer connection can take over. */
public interface DeviceLink {

  /** The connection's remote address and port, for reports. */
  String peer();

  /** Asks the connection's owner to close it because the same device connected again. Any thread. */
  void closeForTakeover();
}
