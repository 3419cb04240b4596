package dev.hilbench.hil.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.link.JSerialCommLink;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Why a port would not open, from injected facts; and one real failure: a port that is not there. */
class PortDiagnosisTest {

  static OpenFailure failure(int errno, boolean exists, String group, boolean now, boolean configured,
      List<PortHolder> holders) {
    return new OpenFailure("/dev/ttyUSB0", errno, exists, group, now, configured, holders, false);
  }

  @Test
  void noPermissionNamesTheGroupAndTheCommand() {
    String d = PortDiagnosis.diagnose(failure(13, true, "dialout", false, false, List.of()));
    assertEquals("cannot open /dev/ttyUSB0: permission denied. The port belongs to group 'dialout' and you are not in"
        + " it: run `sudo usermod -aG dialout $USER`, then log out and in again.", d);
  }

  @Test
  void addedToTheGroupButNotYetLoggedInAgain() {
    String d = PortDiagnosis.diagnose(failure(13, true, "uucp", false, true, List.of()));
    assertTrue(d.contains("You are in group 'uucp' but this session started before you were added: log out and in"
        + " again (or run `newgrp uucp`)."), d);
  }

  @Test
  void busyNamesWhoHoldsItAndTheUsualCulprits() {
    String d = PortDiagnosis.diagnose(failure(11, true, "dialout", true, true,
        List.of(new PortHolder(4242, "screen"))));
    assertTrue(d.startsWith("cannot open /dev/ttyUSB0: the port is busy: held by screen (pid 4242)."), d);
    assertTrue(d.contains("ModemManager"), d);
    assertTrue(d.contains("brltty"), d);
    String unknownHolder = PortDiagnosis.diagnose(failure(16, true, "dialout", true, true, List.of()));
    assertTrue(unknownHolder.contains("the port is busy: another program holds it."), unknownHolder);
  }

  @Test
  void goneSaysUnpluggedOrRenamed() {
    String d = PortDiagnosis.diagnose(failure(2, false, null, false, false, List.of()));
    assertEquals("cannot open /dev/ttyUSB0: no such port. The board was unplugged, or came back under another name"
        + " after a reset; run `./hilbench ports` to see what is there.", d);
    assertTrue(PortDiagnosis.diagnose(failure(6, true, null, false, false, List.of())).contains("no such port"),
        "ENXIO: the node exists but the device behind it is gone");
  }

  @Test
  void alreadyOpenInThisProgram() {
    String d = PortDiagnosis.diagnose(new OpenFailure("/dev/pts/2", 2, true, "tty", true, true, List.of(), true));
    assertEquals("cannot open /dev/pts/2: this program has it open already (close the other console or flasher"
        + " first).", d);
  }

  @Test
  void otherErrorsKeepTheirNumber() {
    assertTrue(PortDiagnosis.diagnose(failure(5, true, null, false, false, List.of())).contains("input/output error"));
    assertTrue(PortDiagnosis.diagnose(failure(71, true, null, false, false, List.of())).endsWith("system error 71."));
  }

  @Test
  void openingAPortThatIsNotThereGivesTheGoneDiagnosis() {
    PortOpenException e = assertThrows(PortOpenException.class,
        () -> JSerialCommLink.open("/dev/ttyUSB-hilbench-test-missing", 115200));
    assertTrue(e.getMessage().startsWith("cannot open /dev/ttyUSB-hilbench-test-missing: no such port."), e.getMessage());
    assertEquals(false, e.failure().exists());
  }
}
