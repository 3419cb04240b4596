package dev.hilbench.features.glue;

import dev.hilbench.features.dut.DeliveryMode;
import io.cucumber.java.ParameterType;

/** The words of the features that become values. */
public final class ParameterTypes {

  /** {@code acknowledged}, {@code buffered} or {@code classroom}, as in "in acknowledged mode". */
  @ParameterType("acknowledged|buffered|classroom")
  public DeliveryMode mode(String text) {
    return DeliveryMode.parse(text);
  }

  /** How a line ends on the wire: {@code CR LF} (println) or {@code LF}. */
  @ParameterType("CR LF|LF")
  public String ending(String text) {
    return text.equals("CR LF") ? "\r\n" : "\n";
  }
}
