package dev.hilbench.server.store;

import dev.hilbench.server.IdentifiedBy;

/**
 * The readings of one boot of one device arriving over one connection share a stream: the
 * strings (device, boot, peer) are stored once per stream, not once per reading, which makes a
 * reading row small and the insert nearly twice as fast.
 *
 * @param id           allocated by the server ({@link StorePipeline#nextStreamId()})
 * @param startedAt    epoch ms of the stream's first reading
 */
public record StreamRecord(long id, String device, IdentifiedBy identifiedBy, String boot, String peer, long startedAt) {}
