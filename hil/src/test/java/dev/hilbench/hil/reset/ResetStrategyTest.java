package dev.hilbench.hil.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hilbench.hil.link.LinesUnavailableException;
import dev.hilbench.hil.link.ModemLines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each strategy's line changes and pauses, against the sequences of esptool/esp-pylib (reference
 * §1), recorded without sleeping; and what the NodeMCU's transistors make of them.
 */
class ResetStrategyTest {

  /** Records "D1", "R0", "D0R1" (atomic) and "wait 100" in order. */
  static final class Recorder implements ModemLines, Pauser {
    final List<String> steps = new ArrayList<>();
    final AutoResetCircuit circuit = new AutoResetCircuit();

    @Override
    public void setDtr(boolean asserted) {
      steps.add("D" + (asserted ? 1 : 0));
      circuit.set(asserted, circuit.rts);
    }

    @Override
    public void setRts(boolean asserted) {
      steps.add("R" + (asserted ? 1 : 0));
      circuit.set(circuit.dtr, asserted);
    }

    @Override
    public void setDtrRts(boolean dtr, boolean rts) {
      steps.add("D" + (dtr ? 1 : 0) + "R" + (rts ? 1 : 0));
      circuit.set(dtr, rts);
    }

    @Override
    public void pause(Duration d) {
      steps.add("wait " + d.toMillis());
    }
  }

  /**
   * The NodeMCU's two transistors, as the contract states them: EN low only for (DTR off, RTS on),
   * IO0 low only for (DTR on, RTS off); EN rising samples IO0. No capacitor: this is the strict
   * reading, under which only atomic changes are safe.
   */
  static final class AutoResetCircuit {
    boolean dtr;
    boolean rts;
    String booted;   // "download" or "app" at the last EN rise, null if none

    void set(boolean newDtr, boolean newRts) {
      boolean enWasLow = !dtr && rts;
      dtr = newDtr;
      rts = newRts;
      boolean enLow = !dtr && rts;
      boolean io0Low = dtr && !rts;
      if (enWasLow && !enLow) {
        booted = io0Low ? "download" : "app";
      }
    }
  }

  @Test
  void classicResetIsEsptoolsSequenceWithTheDtrRewrite() throws Exception {
    Recorder r = new Recorder();
    new ClassicReset(Duration.ofMillis(50)).reset(r, r);
    assertEquals(List.of("D0", "R1", "D0", "wait 100", "D1", "R0", "D1", "wait 50", "D0"), r.steps);
  }

  @Test
  void unixTightResetSetsBothLinesAtOnce() throws Exception {
    Recorder r = new Recorder();
    new UnixTightReset(Duration.ofMillis(550)).reset(r, r);
    assertEquals(List.of("D0R0", "D1R1", "D0R1", "wait 100", "D1R0", "wait 550", "D0R0", "D0"), r.steps);
    assertEquals("download", r.circuit.booted, "EN rises while IO0 is low");
  }

  @Test
  void hardResetPulsesEnWithIo0High() throws Exception {
    Recorder r = new Recorder();
    r.circuit.set(true, false);   // left in a download-mode state
    new HardReset().reset(r, r);
    assertEquals(List.of("D0", "R1", "D0", "wait 100", "R0", "D0"), r.steps);
    assertEquals("app", r.circuit.booted);
  }

  /**
   * Without the capacitor on EN, the classic sequence passes through (DTR on, RTS on) with IO0
   * still high: a strict circuit boots the app. On a board the capacitor holds EN low through that
   * moment; this is why the tight variant is tried first.
   */
  @Test
  void classicResetNeedsTheCapacitorOnEn() throws Exception {
    Recorder r = new Recorder();
    new ClassicReset(Duration.ofMillis(50)).reset(r, r);
    assertEquals("app", r.circuit.booted);
  }

  @Test
  void thePlanCyclesAsEsptoolDoesOnUnixAndOnWindows() {
    ResetPlan unix = ResetPlan.esptoolDefault(false);
    List<String> names = new ArrayList<>();
    for (int attempt = 0; attempt < 7; attempt++) {
      names.add(unix.forAttempt(attempt).name());
    }
    assertEquals(List.of("UnixTightReset(50 ms)", "UnixTightReset(550 ms)", "ClassicReset(50 ms)",
        "ClassicReset(550 ms)", "UnixTightReset(50 ms)", "UnixTightReset(550 ms)", "ClassicReset(50 ms)"), names);
    assertEquals(List.of("ClassicReset(50 ms)", "ClassicReset(550 ms)"),
        ResetPlan.esptoolDefault(true).strategies().stream().map(ResetStrategy::name).toList());
    assertNull(ResetPlan.none().forAttempt(0));
  }

  @Test
  void linesThatCannotBeDrivenFailAtTheFirstChange() {
    ModemLines pty = new ModemLines() {
      @Override
      public void setDtr(boolean asserted) throws LinesUnavailableException {
        throw new LinesUnavailableException("/dev/pts/4");
      }

      @Override
      public void setRts(boolean asserted) throws LinesUnavailableException {
        throw new LinesUnavailableException("/dev/pts/4");
      }

      @Override
      public void setDtrRts(boolean dtr, boolean rts) throws LinesUnavailableException {
        throw new LinesUnavailableException("/dev/pts/4");
      }
    };
    LinesUnavailableException e = assertThrows(LinesUnavailableException.class,
        () -> new UnixTightReset(Duration.ofMillis(50)).reset(pty, d -> {
          throw new AssertionError("no pause before the first line change");
        }));
    assertEquals("lines cannot be driven on a pseudo-terminal (/dev/pts/4)", e.getMessage());
  }
}
