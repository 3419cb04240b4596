package dev.hilbench.features.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.features.fixture.ClassroomFixture;
import dev.hilbench.features.fixture.ClassroomSketch;
import dev.hilbench.features.fixture.ServerFixture;
import dev.hilbench.features.fixture.Waits;
import dev.hilbench.protocol.Reading;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.store.StoredReading;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The classroom sketch: no hello, one line per write, known to the server by its address. */
public final class ClassroomSteps {

  private final ClassroomFixture sketches;
  private final ServerFixture server;

  public ClassroomSteps(ClassroomFixture sketches, ServerFixture server) {
    this.sketches = sketches;
    this.server = server;
  }

  @Given("a classroom sketch connected to the server")
  public void connected() throws Exception {
    sketches.connect();
  }

  @Given("a classroom sketch reporting every {int} ms on a connection of its own")
  public void reporting(int ms) throws Exception {
    sketches.connect().reportEvery(ms);
  }

  @When("it sends these lines, each ended by {ending}:")
  public void sends(String ending, List<String> lines) throws Exception {
    sketches.first().send(lines, ending);
  }

  @When("it restarts and sends these lines, each ended by {ending}:")
  public void restartsAndSends(String ending, List<String> lines) throws Exception {
    ClassroomSketch sketch = sketches.first();
    // A board takes seconds to reboot, rejoin Wi-Fi and reconnect: what it sent before is in by
    // then. Lines of two connections racing each other would be another scenario.
    int sent = sketch.sent().size();
    Waits.upTo(Duration.ofSeconds(5), "the sketch's " + sent + " readings to arrive before it restarts")
        .untilAsserted(() -> assertEquals(sent, readingsOf(sketch.address()).size()));
    sketch.restart();
    sketch.send(lines, ending);
  }

  @Then("the server stores exactly these readings from the sketch's address:")
  public void storesExactly(List<Map<String, String>> expected) {
    String address = sketches.first().address();
    List<Reading> want = expected.stream().map(row -> new Reading(Long.parseLong(row.get("seq")),
        Long.parseLong(row.get("millis")), Double.parseDouble(row.get("temperature")),
        Double.parseDouble(row.get("humidity")))).toList();
    Waits.upTo(Duration.ofSeconds(5), "the store to hold exactly the " + want.size() + " readings of " + address)
        .untilAsserted(() -> assertEquals(want, readingsOf(address), "readings stored for " + address));
  }

  @Then("the server counted {int} reboot(s) and no duplicate for the sketch")
  public void rebootsOfSketch(int n) {
    SessionSteps.awaitReboots(server, sketches.first().address(), n);
  }

  @Then("the server has stored {int} readings from the sketch's address, in {int} boots")
  public void storedInBoots(int count, int boots) {
    String address = sketches.first().address();
    Waits.upTo(Duration.ofSeconds(5), count + " readings of " + address + " in " + boots + " boots")
        .untilAsserted(() -> {
          List<StoredReading> mine = server.stored().stream().filter(r -> r.device().equals(address)).toList();
          assertEquals(count, mine.size(), () -> "stored for " + address + ": " + mine);
          assertEquals(boots, mine.stream().map(StoredReading::boot).distinct().count(),
              () -> "boots stored for " + address + ": " + mine.stream().map(StoredReading::boot).distinct().toList());
        });
  }

  @Then("every reading of the classroom sketch was stored, on its first connection")
  public void sketchUnharmed() {
    ClassroomSketch sketch = sketches.first();
    assertNull(sketch.failure(), () -> "the classroom sketch could not send: " + sketch.failure());
    List<Reading> sent = sketch.sent();
    assertTrue(sent.size() > 3, () -> "the classroom sketch sent only " + sent.size() + " readings");
    Waits.upTo(Duration.ofSeconds(5), "every reading of the classroom sketch at " + sketch.address() + " stored")
        .untilAsserted(() -> {
          Set<Long> stored = new HashSet<>(readingsOf(sketch.address()).stream().map(Reading::seq).toList());
          List<Long> missing = sent.stream().map(Reading::seq).filter(s -> !stored.contains(s)).toList();
          assertTrue(missing.isEmpty(), () -> "the classroom sketch's readings missing: " + missing);
        });
    DeviceSnapshot d = server.device(sketch.address()).orElseThrow();
    assertEquals(1, d.connects(), () -> "the classroom sketch connected " + d.connects() + " times: " + d);
    assertEquals(0, d.malformed(), () -> "the classroom sketch's lines were rejected: " + d.lastMalformed());
  }

  private List<Reading> readingsOf(String address) throws Exception {
    return server.stored().stream().filter(r -> r.device().equals(address))
        .map(r -> new Reading(r.seq(), r.millis(), r.temperature(), r.humidity()))
        .collect(Collectors.toList());
  }
}
