package dev.hilbench.hil.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of transcripts and failure messages: everything after {@code wifi pass },
 * and any literal secret registered (a password read from the environment, say).
 */
public final class Redactor {

  public static final String MASK = "***";
  private static final Pattern WIFI_PASS = Pattern.compile("(?i)(\\bwifi\\s+pass\\s+)\\S.*");

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  public static Redactor standard() {
    return new Redactor(List.of());
  }

  /** Also masks every occurrence of {@code secret} (ignored if blank). */
  public Redactor withSecret(String secret) {
    if (secret == null || secret.isBlank()) {
      return this;
    }
    List<String> more = new ArrayList<>(secrets);
    more.add(secret);
    return new Redactor(more);
  }

  public String redact(String line) {
    String out = WIFI_PASS.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    for (String secret : secrets) {
      out = out.replace(secret, MASK);
    }
    return out;
  }
}
