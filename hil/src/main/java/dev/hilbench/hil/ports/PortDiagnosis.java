package dev.hilbench.hil.ports;

/**
 * Why a port would not open and what to do about it, from the facts alone (pure, so every case is
 * tested without hardware): no permission (the {@code dialout} group), busy (another program:
 * a monitor, ModemManager, brltty), gone (unplugged or renamed).
 */
public final class PortDiagnosis {

  static final int EPERM = 1;
  static final int ENOENT = 2;
  static final int EIO = 5;
  static final int ENXIO = 6;
  static final int EAGAIN = 11;   // also EWOULDBLOCK: jSerialComm's flock found another holder
  static final int EACCES = 13;
  static final int EBUSY = 16;
  static final int ENODEV = 19;

  private PortDiagnosis() {}

  public static String diagnose(OpenFailure f) {
    String head = "cannot open " + f.path() + ": ";
    if (!f.exists() || f.errno() == ENXIO || f.errno() == ENODEV) {
      return head + "no such port. The board was unplugged, or came back under another name after a reset;"
          + " run `./hilbench ports` to see what is there.";
    }
    if (f.openHere()) {
      return head + "this program has it open already (close the other console or flasher first).";
    }
    if (f.errno() == EACCES || f.errno() == EPERM) {
      return head + "permission denied. " + permissionAdvice(f);
    }
    if (f.errno() == EBUSY || f.errno() == EAGAIN || !f.holders().isEmpty()) {
      String who = f.holders().isEmpty()
          ? "another program holds it"
          : "held by " + String.join(", ", f.holders().stream().map(PortHolder::toString).toList());
      return head + "the port is busy: " + who + ". Close the other program (a serial monitor such as"
          + " screen, minicom or the Arduino IDE's), or stop the services that grab USB-serial ports:"
          + " `sudo systemctl stop ModemManager`, and remove brltty (`sudo apt remove brltty`).";
    }
    if (f.errno() == EIO) {
      return head + "input/output error: the device is not responding (a flaky cable or hub); unplug it"
          + " and plug it in again.";
    }
    return head + "system error " + f.errno() + ".";
  }

  private static String permissionAdvice(OpenFailure f) {
    String group = f.group() == null ? "dialout" : f.group();
    if (f.inGroupConfigured() && !f.inGroupNow()) {
      return "You are in group '" + group + "' but this session started before you were added: log out and"
          + " in again (or run `newgrp " + group + "`).";
    }
    return "The port belongs to group '" + group + "' and you are not in it: run `sudo usermod -aG " + group
        + " $USER`, then log out and in again.";
  }
}
