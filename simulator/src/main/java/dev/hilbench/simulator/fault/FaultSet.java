package dev.hilbench.simulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults active on a node, and the one place where their probabilities are applied.
 *
 * <p>Every device fault draws exactly one number per cycle whether it fires or not, and every
 * link fault one per connection: so a node's decisions depend on its seed and on how many cycles
 * and connections it had, never on which faults happened to fire or on thread timing. Immutable;
 * changing faults at run time swaps the whole set.
 */
public final class FaultSet {

  public static final FaultSet NONE = new FaultSet(List.of());

  private final List<FaultSpec> specs;
  private final DeviceFault[] deviceFaults;
  private final double[] deviceOdds;
  private final LinkFault[] linkFaults;
  private final double[] linkOdds;

  public FaultSet(List<FaultSpec> specs) {
    this.specs = List.copyOf(specs);
    List<DeviceFault> devices = new ArrayList<>();
    List<LinkFault> links = new ArrayList<>();
    List<Double> dOdds = new ArrayList<>(), lOdds = new ArrayList<>();
    for (FaultSpec spec : specs) {
      FaultCatalog.Built b = FaultCatalog.build(spec);
      if (b.device() != null) {
        devices.add(b.device());
        dOdds.add(spec.probability());
      } else {
        links.add(b.link());
        lOdds.add(spec.probability());
      }
    }
    this.deviceFaults = devices.toArray(DeviceFault[]::new);
    this.deviceOdds = dOdds.stream().mapToDouble(Double::doubleValue).toArray();
    this.linkFaults = links.toArray(LinkFault[]::new);
    this.linkOdds = lOdds.stream().mapToDouble(Double::doubleValue).toArray();
  }

  public static FaultSet of(FaultSpec... specs) {
    return new FaultSet(List.of(specs));
  }

  /** Parses each {@code name=probability[,key=value...]}. */
  public static FaultSet parse(List<String> texts) {
    return new FaultSet(texts.stream().map(FaultSpec::parse).toList());
  }

  public List<FaultSpec> specs() {
    return specs;
  }

  /** These faults followed by {@code more} (a group's faults after the fleet's). */
  public FaultSet plus(FaultSet more) {
    if (more.specs.isEmpty()) {
      return this;
    }
    List<FaultSpec> all = new ArrayList<>(specs);
    all.addAll(more.specs);
    return new FaultSet(all);
  }

  /** Decides which device faults fire on this cycle and lets them mark the outcome. */
  public void rollCycle(CycleOutcome cycle, SplittableRandom random) {
    for (int i = 0; i < deviceFaults.length; i++) {
      // Each fault gets its own child stream, so one that draws extra numbers when it fires
      // does not shift the decisions of the faults after it.
      SplittableRandom own = random.split();
      if (own.nextDouble() < deviceOdds[i]) {
        deviceFaults[i].apply(cycle, own);
      }
    }
  }

  /** Decides which link faults apply to this connection and lets them shape its plan. */
  public LinkPlan planLink(SplittableRandom random) {
    LinkPlan plan = new LinkPlan();
    for (int i = 0; i < linkFaults.length; i++) {
      SplittableRandom own = random.split();
      if (own.nextDouble() < linkOdds[i]) {
        linkFaults[i].apply(plan, own);
      }
    }
    return plan;
  }

  @Override
  public String toString() {
    return specs.isEmpty() ? "none" : specs.toString();
  }
}
