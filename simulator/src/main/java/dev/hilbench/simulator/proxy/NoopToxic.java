package dev.hilbench.simulator.proxy;

/** Passes every chunk on unchanged: the stage of a direction with no toxics, as in Toxiproxy. */
final class NoopToxic implements Toxic {
  @Override
  public void pipe(Stub stub) {
    for (Chunk c; (c = stub.take()) != null; ) {
      stub.write(c);
    }
  }
}
