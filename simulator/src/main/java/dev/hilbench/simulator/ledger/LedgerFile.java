package dev.hilbench.simulator.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A ledger on disk as JSON lines: a header line, then one line per boot of each node with one
 * fate letter per reading (so a day of a fleet stays a small, greppable file):
 *
 * <pre>
 * {"ledger":"hilbench-ledger/1","seed":42,"run":"k3f9a","fates":{"A":"acked",...}}
 * {"device":"sim-0001","boot":"k3f9a.0","group":"default","fates":"SSSfSSd","abrupt_ends":0,"resends":0}
 * </pre>
 */
public final class LedgerFile {

  public static final String FORMAT = "hilbench-ledger/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LedgerFile() {}

  public static void write(Ledger ledger, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      ObjectNode head = JSON.createObjectNode().put("ledger", FORMAT).put("seed", ledger.seed()).put("run", ledger.run());
      ObjectNode legend = head.putObject("fates");
      for (Fate f : Fate.values()) {
        legend.put(String.valueOf(f.code()), f.label());
      }
      w.write(JSON.writeValueAsString(head));
      w.newLine();
      for (LedgerRecord r : ledger.records()) {
        ObjectNode n = JSON.createObjectNode().put("device", r.device()).put("boot", r.boot()).put("group", r.group())
            .put("fates", r.fates()).put("abrupt_ends", r.abruptEnds()).put("resends", r.resends());
        w.write(JSON.writeValueAsString(n));
        w.newLine();
      }
    }
  }

  /** Reads a ledger file; a bad line is an error naming the file and the line number. */
  public static Ledger read(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = r.readLine();
      if (first == null) {
        throw new IOException(file + ": empty file, not a hilbench ledger");
      }
      JsonNode head = parse(file, 1, first);
      if (!FORMAT.equals(head.path("ledger").asText())) {
        throw new IOException(file + ":1: not a hilbench ledger (expected \"ledger\":\"" + FORMAT + "\" on the first line)");
      }
      List<LedgerRecord> records = new ArrayList<>();
      String line;
      int lineNo = 1;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = parse(file, lineNo, line);
        for (String field : List.of("device", "boot", "fates")) {
          if (!n.hasNonNull(field)) {
            throw new IOException(file + ":" + lineNo + ": missing \"" + field + "\"");
          }
        }
        String fates = n.get("fates").asText();
        for (int i = 0; i < fates.length(); i++) {
          try {
            Fate.ofCode(fates.charAt(i));
          } catch (IllegalArgumentException e) {
            throw new IOException(file + ":" + lineNo + ": fates[" + i + "]: " + e.getMessage());
          }
        }
        records.add(new LedgerRecord(n.get("device").asText(), n.get("boot").asText(), n.path("group").asText("default"),
            fates, n.path("abrupt_ends").asInt(0), n.path("resends").asInt(0)));
      }
      return new Ledger(head.path("seed").asLong(), head.path("run").asText(), records);
    }
  }

  private static JsonNode parse(Path file, int lineNo, String line) throws IOException {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IOException(file + ":" + lineNo + ": not JSON: " + e.getOriginalMessage());
    }
  }
}
