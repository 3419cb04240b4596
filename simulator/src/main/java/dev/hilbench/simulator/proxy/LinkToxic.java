package dev.hilbench.simulator.proxy;

/**
 * A toxic as it works on one link: the handle it was added with and this link's instance, or
 * no instance when the toxicity roll said it does not apply to this link.
 */
record LinkToxic(ToxicHandle handle, Toxic toxic) {

  private static final LinkToxic NOOP = new LinkToxic(null, new NoopToxic());

  static LinkToxic noop() {
    return NOOP;
  }

  boolean applies() {
    return toxic != null;
  }

  /** {@code slicer#2}: the type and the handle's id, for thread names and close reasons. */
  String name() {
    return handle == null ? "noop" : handle.type().toxicName() + "#" + handle.id();
  }
}
