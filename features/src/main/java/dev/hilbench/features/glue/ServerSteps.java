package dev.hilbench.features.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.features.fixture.ServerFixture;
import dev.hilbench.features.fixture.Timeline;
import dev.hilbench.features.fixture.Waits;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The receiver server: started, stopped and restarted, and its overall counters. */
public final class ServerSteps {

  private final ServerFixture server;
  private final Timeline timeline;

  public ServerSteps(ServerFixture server, Timeline timeline) {
    this.server = server;
    this.timeline = timeline;
  }

  @Given("a server is receiving readings")
  public void aServer() throws Exception {
    server.start(ServerFixture.DEFAULT_IDLE_TIMEOUT, false);
  }

  @Given("a server is receiving readings, closing connections silent for {int} second(s)")
  public void aServerWithIdleTimeout(int seconds) throws Exception {
    server.start(Duration.ofSeconds(seconds), false);
  }

  @Given("a server is receiving readings on a port it keeps across restarts")
  public void aRestartableServer() throws Exception {
    server.start(ServerFixture.DEFAULT_IDLE_TIMEOUT, true);
  }

  @When("the server is down for {int} second(s)")
  public void serverDown(int seconds) throws Exception {
    server.stop();
    timeline.serverStopped(Instant.now());
    // Not a sleep waiting for a condition: the scenario's outage lasts this long, then ends.
    CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS))
        .get(seconds + 10L, TimeUnit.SECONDS);
    server.restart();
    timeline.serverBack(Instant.now());
  }

  @Then("the server reported no malformed line")
  public void noMalformed() {
    Waits.upTo(Duration.ofSeconds(1), "no malformed line, as the lines settle").during(Duration.ofMillis(300))
        .untilAsserted(() -> assertEquals(0, server.stats().malformed(),
            () -> "malformed lines: " + server.stats().malformedByCode() + "\n" + server.log().linesWith("bad line")));
  }
}
