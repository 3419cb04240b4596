package dev.hilbench.features.target;

/**
 * The tags that say what a scenario needs beyond a device and a server. A target that cannot
 * provide it leaves the scenario out (see {@link Target#leftOut()}). The names are JUnit
 * Platform tags as well (Gherkin tags without the {@code @}), so suites can exclude them.
 */
public final class Tags {

  /** Hundreds of devices at once: only the simulator has that many. */
  public static final String FLEET = "fleet";

  /** Flashing an image and booting it: a chip with a ROM bootloader. */
  public static final String NEEDS_FLASH = "needs-flash";

  /** Setting what the temperature and humidity sensor reads. */
  public static final String NEEDS_SENSOR_CONTROL = "needs-sensor-control";

  private Tags() {}
}
