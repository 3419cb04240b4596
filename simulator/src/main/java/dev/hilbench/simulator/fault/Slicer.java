package dev.hilbench.simulator.fault;

import java.util.SplittableRandom;

/**
 * {@code slicer} (average_size, size_variation, delay in µs), as Toxiproxy's: every write is cut
 * into pieces of {@code average_size ± size_variation} bytes with {@code delay} between them,
 * so the server sees partial lines.
 */
record Slicer(int averageSize, int sizeVariation, long delayMicros) implements LinkFault {
  @Override
  public void apply(LinkPlan plan, SplittableRandom random) {
    plan.sliceAverage = averageSize;
    plan.sliceVariation = sizeVariation;
    plan.sliceDelayMicros = delayMicros;
  }
}
