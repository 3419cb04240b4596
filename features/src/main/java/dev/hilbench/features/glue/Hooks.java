package dev.hilbench.features.glue;

import dev.hilbench.features.fixture.DeviceFixture;
import dev.hilbench.features.fixture.ScenarioContext;
import dev.hilbench.features.fixture.ServerFixture;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;

/** Begins every scenario (its seed, its directory) and, when it fails, attaches what explains it. */
public final class Hooks {

  /** The line the report plugin looks for, to print a failed scenario's seed. */
  public static final String SEED_PREFIX = "seed ";

  private final ScenarioContext scenario;
  private final ServerFixture server;
  private final DeviceFixture devices;

  public Hooks(ScenarioContext scenario, ServerFixture server, DeviceFixture devices) {
    this.scenario = scenario;
    this.server = server;
    this.devices = devices;
  }

  @Before(order = 0)
  public void begin(Scenario s) {
    scenario.begin(s.getName(), s.getId());
    s.log("target " + scenario.run().target().id() + ", " + SEED_PREFIX + scenario.seed() + ", files in "
        + scenario.dir().toAbsolutePath());
  }

  /** Runs before the fixtures are disposed, so the device and the server can still be asked. */
  @After(order = 100_000)
  public void explainFailure(Scenario s) {
    if (!s.isFailed()) {
      return;
    }
    s.log(SEED_PREFIX + scenario.seed() + " (replay with -Dhilbench.seed=" + scenario.seed() + ")");
    s.attach(devices.transcript().getBytes(StandardCharsets.UTF_8), "text/plain",
        "device transcript (" + scenario.run().target().id() + ")");
    s.attach(server.log().text().getBytes(StandardCharsets.UTF_8), "text/plain", "server log");
  }
}
