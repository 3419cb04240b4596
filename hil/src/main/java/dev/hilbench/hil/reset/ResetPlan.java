package dev.hilbench.hil.reset;

import java.time.Duration;
import java.util.List;

/**
 * The reset strategies for connecting to the bootloader, in the order esptool tries them, cycled
 * over the attempts: on Unix Tight(50 ms), Tight(550 ms), Classic(50 ms), Classic(550 ms); on
 * Windows the classic ones only. The longer delay suits boards with a large capacitor on EN.
 */
public record ResetPlan(List<ResetStrategy> strategies) {

  public static final Duration DEFAULT_RESET_DELAY = Duration.ofMillis(50);
  public static final Duration EXTRA_RESET_DELAY = Duration.ofMillis(550);

  public ResetPlan {
    strategies = List.copyOf(strategies);
  }

  public static ResetPlan esptoolDefault() {
    return esptoolDefault(System.getProperty("os.name", "").toLowerCase().contains("win"));
  }

  public static ResetPlan esptoolDefault(boolean windows) {
    ResetStrategy classic = new ClassicReset(DEFAULT_RESET_DELAY);
    ResetStrategy classicExtra = new ClassicReset(EXTRA_RESET_DELAY);
    if (windows) {
      return new ResetPlan(List.of(classic, classicExtra));
    }
    return new ResetPlan(List.of(new UnixTightReset(DEFAULT_RESET_DELAY),
        new UnixTightReset(EXTRA_RESET_DELAY), classic, classicExtra));
  }

  /** {@code --before no-reset}: the chip is already in the bootloader (FLASH held by hand). */
  public static ResetPlan none() {
    return new ResetPlan(List.of());
  }

  public static ResetPlan of(ResetStrategy... strategies) {
    return new ResetPlan(List.of(strategies));
  }

  /** The strategy for a 0-based attempt number, or none when the plan is empty. */
  public ResetStrategy forAttempt(int attempt) {
    return strategies.isEmpty() ? null : strategies.get(attempt % strategies.size());
  }
}
