package dev.hilbench.cli.demo;

import dev.hilbench.server.store.ReadingStore;
import dev.hilbench.simulator.reconcile.StoredKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The server's store as reconciliation sees it: the identity of each stored reading. */
public final class StoreKeys {

  private StoreKeys() {}

  public static List<StoredKey> read(Path db) throws IOException {
    return ReadingStore.readAll(db).stream().map(r -> new StoredKey(r.device(), r.boot(), r.seq())).toList();
  }
}
