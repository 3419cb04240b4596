package dev.hilbench.protocol.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vocabulary is consistent with itself and with the design notes, and docs/faults.md shows it as it is. */
class FaultVocabularyTest {

  private static final String BEGIN = "<!-- vocabulary: generated from FaultVocabulary.markdownTable(), checked by FaultVocabularyTest -->";
  private static final String END = "<!-- end of vocabulary -->";

  @Test
  void theDesignNotesFaultsAreAllThere() {
    assertEquals(List.of("drop", "sensor_fail", "coalesce", "corrupt", "oversize", "binary", "silence", "reboot", "slow_connect"),
        FaultVocabulary.names(FaultKind.DEVICE));
    assertEquals(List.of("latency", "bandwidth", "slicer", "timeout", "reset_peer", "limit_data", "down"),
        FaultVocabulary.names(FaultKind.NETWORK));
  }

  @Test
  void namesAreUniqueAndEveryDefaultIsInItsRange() {
    assertEquals(FaultVocabulary.names().size(), new HashSet<>(FaultVocabulary.names()).size());
    for (FaultDefinition f : FaultVocabulary.all()) {
      assertTrue(f.name().matches("[a-z_]+"), f.name());
      assertEquals(f.params().size(), new HashSet<>(f.paramNames()).size(), f.name());
      for (FaultParam p : f.params()) {
        assertTrue(p.name().matches("[a-z_]+"), p.name());
        assertTrue(p.max() <= FaultParam.MAX_NUMBER && p.min() >= 0 && p.min() <= p.max(), f.name() + "." + p.name());
        if (!p.required()) {
          assertEquals(p.defaultValue(), p.canonical(p.defaultValue()), f.name() + "." + p.name());
        }
      }
      assertTrue(f.help().length() < 120 && !f.help().isBlank(), f.name());
    }
  }

  /** Toxiproxy's toxics take a stream; the proxy's own state (down) does not. */
  @Test
  void everyToxicOfALinkEndsWithItsStream() {
    for (FaultDefinition f : FaultVocabulary.all()) {
      boolean toxic = f.kind() == FaultKind.NETWORK && !f.name().equals("down");
      assertEquals(toxic, f.param(FaultVocabulary.STREAM).isPresent(), f.name());
      if (toxic) {
        assertEquals(FaultVocabulary.STREAM, f.params().getLast().name(), f.name());
      }
    }
  }

  @Test
  void helpFitsATerminal() {
    for (FaultKind kind : FaultKind.values()) {
      List<String> lines = FaultVocabulary.helpLines(kind);
      for (String line : lines) {
        assertTrue(line.length() <= 80, line);
      }
      for (String name : FaultVocabulary.names(kind)) {
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  " + name + " ")), name);
      }
    }
  }

  /**
   * docs/faults.md holds the table as {@link FaultVocabulary#markdownTable()} makes it. To write
   * it there after changing the vocabulary: run this test with {@code -Dhilbench.write-docs=true}.
   */
  @Test
  void docsShowTheVocabularyAsItIs() throws IOException {
    Path doc = Path.of(System.getProperty("basedir", "."), "..", "docs", "faults.md").normalize();
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      fail(doc + " needs the markers " + BEGIN + " and " + END + " around the vocabulary table");
    }
    String table = FaultVocabulary.markdownTable();
    String current = text.substring(begin + BEGIN.length(), end).strip() + "\n";
    if (Boolean.getBoolean("hilbench.write-docs")) {
      Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end), StandardCharsets.UTF_8);
      return;
    }
    assertEquals(table, current, doc + " is out of date: rerun this test with -Dhilbench.write-docs=true");
  }
}
