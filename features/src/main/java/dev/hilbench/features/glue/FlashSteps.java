package dev.hilbench.features.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.features.dut.FirmwareImages;
import dev.hilbench.features.fixture.DeviceFixture;
import dev.hilbench.features.fixture.ScenarioContext;
import dev.hilbench.features.fixture.ServerFixture;
import dev.hilbench.features.fixture.Waits;
import dev.hilbench.server.DeviceSnapshot;
import dev.hilbench.server.IdentifiedBy;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Flashing an image through the ROM bootloader, booting it, and the version it reports. */
public final class FlashSteps {

  private final ScenarioContext scenario;
  private final DeviceFixture devices;
  private final ServerFixture server;
  private Path image;
  private String imageVersion;
  private IOException flashFailure;
  private boolean flashed;

  public FlashSteps(ScenarioContext scenario, DeviceFixture devices, ServerFixture server) {
    this.scenario = scenario;
    this.devices = devices;
    this.server = server;
  }

  @Given("the firmware image under test")
  public void imageUnderTest() throws Exception {
    image = FirmwareImages.underTest(scenario.run());
    imageVersion = FirmwareImages.version(image);
  }

  @Given("the firmware image under test, with its checksum broken")
  public void brokenImage() throws Exception {
    imageUnderTest();
    image = FirmwareImages.withBrokenChecksum(image, scenario.dir().resolve("broken-checksum.bin"));
  }

  @When("the image is flashed to the device")
  public void flash() throws Exception {
    try {
      devices.dut().flash(image);
      flashed = true;
    } catch (IOException e) {
      flashFailure = e;
    }
  }

  @Then("flashing succeeded")
  public void succeeded() {
    assertNull(flashFailure, () -> "flashing " + image + " failed: " + flashFailure.getMessage());
    assertTrue(flashed);
  }

  @Then("flashing failed, saying {string}")
  public void failed(String words) {
    assertNotNull(flashFailure, () -> "flashing " + image + " succeeded; it should have been refused");
    assertTrue(flashFailure.getMessage().contains(words),
        () -> "flashing failed, but the message does not say '" + words + "': " + flashFailure.getMessage());
  }

  @Then("the device reports the image's version")
  public void reportsVersion() throws Exception {
    assertEquals(imageVersion, devices.dut().version(), "the version the device reports after flashing " + image);
  }

  @Then("the server knows the device by its hello, running the image's version")
  public void serverKnowsVersion() throws Exception {
    String device = devices.only();
    Waits.upTo(Duration.ofSeconds(10), device + " known by its hello with firmware " + imageVersion)
        .untilAsserted(() -> {
          DeviceSnapshot d = server.device(device).orElseThrow(() -> new AssertionError("the server does not know "
              + device + " yet"));
          assertEquals(IdentifiedBy.HELLO, d.identifiedBy(), "how the server identified " + device);
          assertEquals(imageVersion, d.firmware(), "the firmware in " + device + "'s hello");
        });
  }
}
