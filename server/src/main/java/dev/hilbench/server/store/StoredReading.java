package dev.hilbench.server.store;

/**
 * One reading as the store holds it.
 *
 * @param device                the device id (hello) or peer IP (no hello)
 * @param boot                  the boot id from the hello, or {@code ip-N} numbered by the server
 * @param seq                   the node's reading number since boot
 * @param millis                the node's uptime in ms when it read the sensor
 * @param temperature           °C
 * @param humidity              %
 * @param receivedAtEpochMillis when the server received the line
 * @param peer                  the connection's remote address and port, e.g. {@code 127.0.0.5:40312}
 */
public record StoredReading(String device, String boot, long seq, long millis, double temperature,
    double humidity, long receivedAtEpochMillis, String peer) {}
