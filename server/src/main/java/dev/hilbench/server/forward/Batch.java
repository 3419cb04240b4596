package dev.hilbench.server.forward;

import dev.hilbench.server.store.StoredReading;
import java.util.List;

/**
 * Committed readings read from the store for one request, in rowid order.
 *
 * @param readings  the readings, oldest first
 * @param lastRowid the rowid of the last one: the cursor once the endpoint acknowledged them
 */
record Batch(List<StoredReading> readings, long lastRowid) {

  Batch {
    readings = List.copyOf(readings);
  }

  int size() {
    return readings.size();
  }

  boolean isEmpty() {
    return readings.isEmpty();
  }
}
