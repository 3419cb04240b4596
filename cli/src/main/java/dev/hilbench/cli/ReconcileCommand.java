package dev.hilbench.cli;

import dev.hilbench.cli.demo.StoreKeys;
import dev.hilbench.simulator.ledger.Ledger;
import dev.hilbench.simulator.ledger.LedgerFile;
import dev.hilbench.simulator.reconcile.Reconciler;
import dev.hilbench.simulator.reconcile.Reconciliation;
import dev.hilbench.simulator.reconcile.ReconciliationTable;
import dev.hilbench.simulator.reconcile.StoredKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hilbench reconcile}: a simulator ledger held against a server's store. */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Holds a simulator run's ledger against the server's store: what was lost.",
      "Prints, per device and in total: generated, sent, stored, lost in transit,",
      "duplicated, and the fate behind every other loss (the ledger has one for every",
      "reading). Exit status 1 if a check fails:",
      "  exact:  every acknowledged reading is stored; nothing is stored that was",
      "          not sent intact; nothing is stored twice;",
      "  timing: readings sent but not stored are at most one per abrupt",
      "          connection end.",
      "",
      "Example:",
      "  ./hilbench simulate --devices 20 --duration 30s --ledger run.ledger",
      "  ./hilbench reconcile --db hilbench.db --ledger run.ledger",
      ""})
public final class ReconcileCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--db", required = true, paramLabel = "FILE", description = "The server's SQLite store (./hilbench serve --db).")
  Path db;

  @Option(names = "--ledger", required = true, paramLabel = "FILE", description = "The ledger the simulator wrote (simulate --ledger).")
  Path ledgerFile;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "50",
      description = "Devices listed; beyond it only those with a failed check or a loss in transit (default: ${DEFAULT-VALUE}).")
  int rows;

  @Override
  public Integer call() {
    for (Path p : List.of(db, ledgerFile)) {
      if (!Files.isRegularFile(p)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + p);
      }
    }
    Ledger ledger;
    List<StoredKey> store;
    try {
      ledger = LedgerFile.read(ledgerFile);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "cannot read the ledger: " + e.getMessage());
    }
    try {
      store = StoreKeys.read(db);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "cannot read the store: " + e.getMessage());
    }
    Reconciliation rec = Reconciler.reconcile(ledger, store);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("ledger %s (run %s, seed %d, %,d readings) against store %s (%,d rows)%n%n", ledgerFile, ledger.run(),
        ledger.seed(), ledger.generated(), db, store.size());
    out.print(ReconciliationTable.render(rec, rows));
    out.flush();
    return rec.ok() ? 0 : 1;
  }
}
