package dev.hilbench.features.dut.simulator;

import dev.hilbench.features.dut.DeliveryMode;
import dev.hilbench.features.dut.DeviceSettings;
import dev.hilbench.features.dut.DeviceUnderTest;
import dev.hilbench.features.target.Target;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.protocol.fault.FaultSpec;
import dev.hilbench.simulator.Fleet;
import dev.hilbench.simulator.FleetConfig;
import dev.hilbench.simulator.FleetStats;
import dev.hilbench.simulator.Jitter;
import dev.hilbench.simulator.NodeProfile;
import dev.hilbench.simulator.NodeView;
import dev.hilbench.simulator.fault.FaultSet;
import dev.hilbench.simulator.fault.RebootLink;
import dev.hilbench.simulator.ledger.LedgerRecord;
import dev.hilbench.simulator.policy.BackoffSettings;
import dev.hilbench.simulator.policy.PolicyKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The simulator target: a fleet of simulated nodes in this process, one per device. */
public final class SimulatorDut implements DeviceUnderTest {

  /** What the simulated firmware calls itself in its hello. */
  static final String FIRMWARE = "sim-1.0";
  /** Far more than any scenario needs; a fleet this size runs on the simulator alone. */
  static final int CAPACITY = 2_000;

  private Fleet fleet;
  private DeviceSettings settings;
  private final List<FaultSpec> faults = new ArrayList<>();

  @Override
  public Target target() {
    return Target.SIMULATOR;
  }

  @Override
  public int capacity() {
    return CAPACITY;
  }

  @Override
  public void start(DeviceSettings s) throws IOException {
    closeFleet();
    settings = s;
    faults.clear();
    faults.addAll(s.faults());
    NodeProfile profile = NodeProfile.CLASSROOM
        .withInterval(s.interval())
        .withJitter(Jitter.NONE)
        .withHello(true)
        .withDelivery(delivery(s.mode()))
        .withReconnect(new BackoffSettings(PolicyKind.FULL_JITTER, s.backoffBase(), s.backoffCap(), 2,
            Duration.ofSeconds(5), Duration.ofSeconds(2)))
        .withAssociation(Duration.ofMillis(50))
        .withFaults(simulatorFaults());
    InetSocketAddress server = new InetSocketAddress(s.serverHost(), s.serverPort());
    // Each node connects from its own loopback address, as nodes on a LAN; 100 per second keeps a
    // fleet's start from looking like a SYN flood to a server with a short accept backlog.
    FleetConfig config = FleetConfig.simple(server, s.seed(), s.count(), profile)
        .withRampUp(s.count() > 50 ? 500 : 0)
        .withThreads(s.count() > 50 ? 2 : 1);
    fleet = Fleet.start(config);
  }

  private static dev.hilbench.simulator.DeliveryMode delivery(DeliveryMode mode) {
    return switch (mode) {
      case CLASSROOM -> dev.hilbench.simulator.DeliveryMode.CLASSROOM;
      case BUFFERED -> dev.hilbench.simulator.DeliveryMode.BUFFERED;
      case ACK -> dev.hilbench.simulator.DeliveryMode.ACKNOWLEDGED;
    };
  }

  /** The scenario's faults as the simulator's nodes take them: the same specs, its own type. */
  private FaultSet simulatorFaults() {
    return new FaultSet(faults.stream().map(dev.hilbench.simulator.fault.FaultSpec::of).toList());
  }

  private Fleet fleet() {
    if (fleet == null) {
      throw new IllegalStateException("no simulated devices: start them first");
    }
    return fleet;
  }

  @Override
  public List<String> devices() {
    return fleet().nodes().stream().map(NodeView::device).toList();
  }

  @Override
  public void addFault(FaultSpec fault) {
    faults.add(fault);
    fleet().setFaults(fleet().indexesOf(null), simulatorFaults());
  }

  @Override
  public void clearFaults() {
    faults.clear();
    fleet().setFaults(fleet().indexesOf(null), simulatorFaults());
  }

  @Override
  public void loseWifi(Duration duration) {
    fleet().silence(fleet().indexesOf(null), duration);
  }

  @Override
  public void setSensor(double temperature, double humidity) {
    throw new UnsupportedOperationException("the simulator's DHT11 drifts like a room; its readings cannot be set");
  }

  @Override
  public void reboot() {
    // A chip that resets sends no FIN: the server is left with a half-open connection.
    fleet().reboot(fleet().indexesOf(null), RebootLink.ORPHAN);
  }

  @Override
  public GroundTruth groundTruth() {
    return LedgerTruth.of(fleet().ledger(), FIRMWARE);
  }

  @Override
  public String transcript() {
    if (fleet == null) {
      return "(no simulated devices were started)";
    }
    StringBuilder s = new StringBuilder("simulated fleet, seed ").append(settings.seed()).append(", run ")
        .append(fleet.config().run()).append(", up ").append(fleet.uptime().toMillis()).append(" ms\n");
    FleetStats st = fleet.stats();
    s.append(st).append('\n');
    fleet.errors().forEach(e -> s.append("event loop error: ").append(e).append('\n'));
    fleet.nodes().stream().limit(50).forEach(n -> s.append(n).append('\n'));
    for (LedgerRecord r : fleet.ledger().records().stream().limit(50).toList()) {
      s.append(r.device()).append(' ').append(r.boot()).append(' ').append(r.fates()).append(" abrupt_ends=")
          .append(r.abruptEnds()).append('\n');
    }
    return s.toString();
  }

  @Override
  public void flash(Path image) {
    throw new UnsupportedOperationException("simulated nodes have no flash memory and no ROM bootloader");
  }

  @Override
  public String version() {
    return FIRMWARE;
  }

  /** Errors inside the fleet's event loops: each is a simulator bug, and fails the scenario. */
  public List<Throwable> errors() {
    return fleet == null ? List.of() : fleet.errors();
  }

  @Override
  public void close() {
    closeFleet();
  }

  private void closeFleet() {
    if (fleet != null) {
      fleet.stop(Duration.ofMillis(500));
      fleet = null;
    }
  }
}
