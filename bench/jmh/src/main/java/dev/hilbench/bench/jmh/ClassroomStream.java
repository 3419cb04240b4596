package dev.hilbench.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The bytes one busy connection delivers: a hello, then classroom reading lines with the mix a
 * real fleet sends. Seeded, so every run parses the same bytes.
 *
 * <ul>
 *   <li>CR LF endings (Arduino's {@code println}) for 90 % of lines, LF for the rest;
 *   <li>one decimal (the classroom sketch) for 80 % of values, two ({@code String(float)}) for
 *       20 %, a few negative temperatures;
 *   <li>{@code seq} from 0 up, {@code millis} in the millions, as after some hours of uptime;
 *   <li>one line in a thousand malformed: {@code nan} values, as a failed DHT read prints.
 * </ul>
 */
final class ClassroomStream {

  private ClassroomStream() {}

  /** {@code lines} lines in all, the hello included. */
  static byte[] build(int lines, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder s = new StringBuilder(lines * 26);
    s.append("#hello device=esp-00a1b2 fw=1.4.0 boot=7f3e21 ack=0\r\n");
    long millis = 3_600_000L + random.nextInt(1_000_000);
    double temperature = 24.0, humidity = 55.0;
    for (int seq = 0; seq < lines - 1; seq++) {
      millis += 5000 + random.nextInt(40);
      temperature = clamp(temperature + (random.nextInt(3) - 1) * 0.1, -5.0, 38.0);
      humidity = clamp(humidity + (random.nextInt(5) - 2) * 0.1, 20.0, 90.0);
      if (random.nextInt(1000) == 0) {
        s.append(seq).append(',').append(millis).append(",nan,nan");
      } else {
        int decimals = random.nextInt(5) == 0 ? 2 : 1;
        s.append(seq).append(',').append(millis).append(',')
            .append(fixed(temperature, decimals)).append(',').append(fixed(humidity, decimals));
      }
      s.append(random.nextInt(10) == 0 ? "\n" : "\r\n");
    }
    return s.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static String fixed(double v, int decimals) {
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
  }
}
