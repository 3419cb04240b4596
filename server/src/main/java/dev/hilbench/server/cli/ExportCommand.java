package dev.hilbench.server.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./hilbench export}: the stored readings as CSV. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write the stored readings as CSV, one row per reading, in the order they were stored.",
      "Columns: " + CsvExport.HEADER + " (times in ISO-8601 UTC).",
      "Safe while the server runs: it reads a consistent snapshot."
    })
public final class ExportCommand implements Callable<Integer> {

  @Option(names = "--db", paramLabel = "FILE", defaultValue = "hilbench.db",
      description = "The store to read (default: ${DEFAULT-VALUE}).")
  Path db;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the CSV (default: standard output).")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Writer writer = open()) {
      long rows = CsvExport.write(db, writer);
      if (out != null) {
        spec.commandLine().getErr().println("export: " + rows + " readings from " + db + " to " + out);
      }
      return 0;
    } catch (NoSuchFileException e) {
      spec.commandLine().getErr().println("export: no store at " + db.toAbsolutePath()
          + " (give the server's file with --db)");
      return 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("export: " + e.getMessage());
      return 1;
    }
  }

  private Writer open() throws IOException {
    if (out == null) {
      // Not closed with the writer: standard output belongs to the process.
      return new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8) {
        @Override
        public void close() throws IOException {
          flush();
        }
      }, 1 << 16);
    }
    if (!Files.isRegularFile(db)) {
      throw new NoSuchFileException(db.toString()); // before creating an empty output file
    }
    return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
  }
}
