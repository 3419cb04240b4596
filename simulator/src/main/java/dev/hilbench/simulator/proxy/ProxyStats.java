package dev.hilbench.simulator.proxy;

/**
 * The proxy's counters at one moment, since it started.
 *
 * @param linksAccepted       client connections accepted
 * @param linksOpen           links open now
 * @param upstreamUnreachable client connections closed because the upstream could not be reached
 * @param upstreamBytesIn     bytes read from clients
 * @param upstreamBytesOut    bytes written to the upstream server
 * @param downstreamBytesIn   bytes read from the upstream server
 * @param downstreamBytesOut  bytes written to clients
 */
public record ProxyStats(
    long linksAccepted,
    int linksOpen,
    long upstreamUnreachable,
    long upstreamBytesIn,
    long upstreamBytesOut,
    long downstreamBytesIn,
    long downstreamBytesOut) {

  /** Bytes read by the proxy in this direction. */
  public long bytesIn(Direction d) {
    return d == Direction.UPSTREAM ? upstreamBytesIn : downstreamBytesIn;
  }

  /** Bytes written by the proxy in this direction. */
  public long bytesOut(Direction d) {
    return d == Direction.UPSTREAM ? upstreamBytesOut : downstreamBytesOut;
  }

  /** {@code links 2 open, 7 accepted, 0 upstream unreachable; upstream 1200 B in, 1200 B out; downstream 0 B in, 0 B out}. */
  public String line() {
    return "links " + linksOpen + " open, " + linksAccepted + " accepted, " + upstreamUnreachable
        + " upstream unreachable; upstream " + upstreamBytesIn + " B in, " + upstreamBytesOut
        + " B out; downstream " + downstreamBytesIn + " B in, " + downstreamBytesOut + " B out";
  }
}
