package dev.hilbench.simulator.proxy;

/**
 * Something that happened to a link, for whoever watches the proxy (the command line prints
 * them). Delivered on the proxy's own threads: a listener must be quick and must not throw.
 *
 * @param kind   what happened
 * @param link   the link's number (its place in accept order, from 1)
 * @param detail for people: the peer and the toxics that apply, why a link closed, an error
 */
public record ProxyEvent(Kind kind, int link, String detail) {

  public enum Kind {
    /** A client connected and the proxy reached the upstream. */
    LINK_OPENED,
    /** Both sockets of a link are closed; the detail says why. */
    LINK_CLOSED,
    /** A client connected but the upstream could not be reached: the client's connection was closed. */
    UPSTREAM_UNREACHABLE,
    /** Accepting failed for a reason other than the proxy going down. */
    ACCEPT_FAILED
  }

  /** {@code link 3 opened: ...}, {@code link 3 closed: both sides closed}, {@code accept failed: ...}. */
  @Override
  public String toString() {
    return switch (kind) {
      case LINK_OPENED -> "link " + link + " opened: " + detail;
      case LINK_CLOSED -> "link " + link + " closed: " + detail;
      case UPSTREAM_UNREACHABLE -> "link " + link + " upstream unreachable: " + detail;
      case ACCEPT_FAILED -> "accept failed: " + detail;
    };
  }
}
