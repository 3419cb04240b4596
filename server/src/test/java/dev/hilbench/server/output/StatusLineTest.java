package dev.hilbench.server.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hilbench.protocol.LineError;
import dev.hilbench.server.ServerStats;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusLineTest {

  @Test
  void countsAndRatesSinceThePreviousLine() {
    ServerStats before = stats(1_000, 900, 0);
    ServerStats now = stats(2_501_000, 2_500_900, 3);
    assertEquals("[16:00:05] 8 open, 9 accepted, 1 refused | 2501000 received (500000/s), 2500900 stored (500000/s), "
            + "queue 12, 2 pauses | 4 duplicates, 5 missing, 3 malformed, 6 idle closes, 7 devices\n",
        StatusLine.format("16:00:05", now, before, 5.0));
  }

  private static ServerStats stats(long received, long stored, long malformed) {
    return new ServerStats(Instant.EPOCH, 8, 9, 1, received, stored, null, null, 4, 5, 0, malformed,
        Map.of(LineError.FIELD_COUNT, malformed), 6, 0, 0, 12, 2, 7, true);
  }
}
