package dev.hilbench.simulator.reconcile;

/**
 * What reconciliation needs of one stored reading: its identity. The command line maps the
 * server's store rows to these, so this module does not depend on the server.
 */
public record StoredKey(String device, String boot, long seq) {}
