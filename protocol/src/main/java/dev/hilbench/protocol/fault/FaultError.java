package dev.hilbench.protocol.fault;

import java.util.Locale;

/**
 * Why a fault spec was refused, as a stable code: the shared vector file names these, and the
 * firmware's parser answers the same ones. Checks run left to right: the characters, the name,
 * the probability, each parameter in the order written, then the parameters left missing.
 */
public enum FaultError {
  /** Nothing written. */
  EMPTY,
  /** A space, a control character or a byte outside printable ASCII anywhere in the spec. */
  BAD_CHAR,
  /** The name is not in the vocabulary (names are lower case). */
  UNKNOWN_FAULT,
  /** The probability is not a decimal with at most 6 decimals (no sign, no exponent). */
  BAD_PROBABILITY,
  /** The probability is above 1. */
  PROBABILITY_RANGE,
  /** A part after a comma is not {@code KEY=VALUE} (empty, no {@code =}, or no key). */
  BAD_PARAM,
  /** The fault has no parameter of that name. */
  UNKNOWN_PARAM,
  /** A parameter is given twice. */
  DUPLICATE_PARAM,
  /** A value is not of the parameter's kind: not a whole number (in its unit), true/false, or one of its choices. */
  BAD_VALUE,
  /** A number outside the parameter's range. */
  VALUE_RANGE,
  /** A parameter without a default was not given. */
  MISSING_PARAM;

  /** The code as written in the vector file: {@code unknown_param}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The error with this code; {@link IllegalArgumentException} if none has it. */
  public static FaultError ofCode(String code) {
    for (FaultError e : values()) {
      if (e.code().equals(code)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no fault error code '" + code + "'");
  }
}
