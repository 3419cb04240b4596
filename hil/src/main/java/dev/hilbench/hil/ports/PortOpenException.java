package dev.hilbench.hil.ports;

import java.io.IOException;

/** A port that would not open; the message is the diagnosis with its fix. */
public final class PortOpenException extends IOException {

  private final OpenFailure failure;

  public PortOpenException(OpenFailure failure) {
    super(PortDiagnosis.diagnose(failure));
    this.failure = failure;
  }

  public OpenFailure failure() {
    return failure;
  }
}
