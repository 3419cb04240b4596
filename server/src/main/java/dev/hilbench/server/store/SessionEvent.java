package dev.hilbench.server.store;

/**
 * Something that happened to a device's session, kept in the store beside its readings.
 *
 * @param at     epoch ms
 * @param device the device id, null when the connection never said who it was
 * @param peer   the connection's remote address and port
 * @param kind   {@code connect}, {@code hello}, {@code reboot}, {@code takeover}, {@code disconnect}
 * @param detail words: the boot, the reason for a disconnect, ...
 */
public record SessionEvent(long at, String device, String peer, String kind, String detail) {}
