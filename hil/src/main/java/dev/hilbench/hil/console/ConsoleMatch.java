package dev.hilbench.hil.console;

import java.util.regex.MatchResult;

/** A line an expectation matched, with the match (for its groups). */
public record ConsoleMatch(ConsoleLine line, MatchResult match) {

  public String group(int group) {
    return match.group(group);
  }

  public String group(String name) {
    return match.group(name);
  }

  public String text() {
    return line.text();
  }
}
