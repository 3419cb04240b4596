package dev.hilbench.features.dut.serial;

import dev.hilbench.features.dut.DeliveryMode;
import dev.hilbench.features.truth.BootHistory;
import dev.hilbench.features.truth.Fate;
import dev.hilbench.features.truth.GroundTruth;
import dev.hilbench.features.truth.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A board's serial log read as its ledger: what each boot generated and what became of each
 * reading, from the firmware's {@code HB} lines. The log says:
 *
 * <ul>
 *   <li>{@code HB boot device=.. fw=.. boot=..}: a new boot (seq starts again at 0);
 *   <li>{@code HB sent seq=.. millis=.. t=.. h=..}: the line was written whole;
 *   <li>{@code HB drop seq=.. fault=..}, {@code HB sensor_fail seq=..}: generated, never sent
 *       (a mangling fault logs {@code drop} too, and puts its spoiled line on the wire instead);
 *   <li>{@code HB lost seq=.. reason=..}: given up (not connected in classroom mode, pushed out
 *       of a full ring, held by the coalesce fault when the connection dropped);
 *   <li>{@code HB ack seq=N}: the server stored every reading up to N (cumulative);
 *   <li>{@code HB disconnect reason=..}: a connection ended; what was in flight may be lost.
 * </ul>
 *
 * A seq below the last one the log mentions but never named is still inside the node (buffered
 * while offline, or held for a coalesced write).
 */
public final class SerialLedger {

  private SerialLedger() {}

  public static GroundTruth read(List<String> consoleLines, DeliveryMode mode) {
    List<BootHistory> boots = new ArrayList<>();
    Builder current = null;
    for (String text : consoleLines) {
      HbLine line = HbLine.parse(text).orElse(null);
      if (line == null) {
        continue;
      }
      if (line.event().equals("boot")) {
        if (current != null) {
          boots.add(current.build());
        }
        current = new Builder(line.get("device"), line.get("boot"), line.fields().get("fw"), mode);
      } else if (current != null) {
        current.apply(line);
      }
    }
    if (current != null) {
      boots.add(current.build());
    }
    return new GroundTruth(boots);
  }

  /** One boot's record while the log is read. */
  private static final class Builder {
    private final String device;
    private final String boot;
    private final String firmware;
    private final DeliveryMode mode;
    private final TreeMap<Long, Fate> fates = new TreeMap<>();
    private final Map<Long, Values> values = new HashMap<>();
    private int abruptEnds;

    Builder(String device, String boot, String firmware, DeliveryMode mode) {
      this.device = device;
      this.boot = boot;
      this.firmware = firmware;
      this.mode = mode;
    }

    void apply(HbLine line) {
      switch (line.event()) {
        case "sent" -> {
          long seq = line.number("seq");
          if (!Fate.ACKED.equals(fates.get(seq))) {
            fates.put(seq, mode == DeliveryMode.ACK ? Fate.UNACKED : Fate.SENT);
            values.put(seq, new Values(line.number("millis"), line.decimal("t"), line.decimal("h")));
          }
        }
        case "drop" -> fates.put(line.number("seq"), Fate.notSent(line.fields().getOrDefault("fault", "drop")));
        case "sensor_fail" -> fates.put(line.number("seq"), Fate.notSent("sensor_fail"));
        case "lost" -> fates.put(line.number("seq"), Fate.notSent(line.fields().getOrDefault("reason", "lost")));
        case "ack" -> {
          long upTo = line.number("seq");
          fates.headMap(upTo, true).replaceAll((seq, f) -> f.written() ? Fate.ACKED : f);
        }
        case "disconnect" -> abruptEnds++;
        default -> { }
      }
    }

    BootHistory build() {
      TreeMap<Long, Fate> all = new TreeMap<>(fates);
      long last = fates.isEmpty() ? -1 : fates.lastKey();
      for (long seq = 0; seq < last; seq++) {
        all.putIfAbsent(seq, Fate.PENDING);
      }
      return new BootHistory(device, boot, firmware, all, values, abruptEnds);
    }
  }
}
