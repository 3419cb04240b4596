package dev.hilbench.server.session;

import java.util.Arrays;

/**
 * Which seq numbers of one boot of one device have been received: every number up to the highest
 * one, except the holes (numbers skipped and not received since). This is what tells a new
 * reading from a duplicate, and counts gaps, without remembering every seq.
 *
 * <p>A node sends in ascending order and resends only what was not acknowledged, so holes are few
 * and usually never filled. To keep memory bounded whatever a node sends, at most
 * {@link #MAX_HOLES} holes are kept: when there are more, the lowest is forgotten and every seq
 * below it counts as received (a reading arriving there is taken for a duplicate; it would have
 * to be older than {@value #MAX_HOLES} separate losses). Not thread-safe.
 */
final class SeqHistory {

  static final int MAX_HOLES = 256;

  private long high = -1;       // highest seq received
  private long floor;           // below this, history was forgotten: everything counts as received
  private long[] holes;         // [from0, to0, from1, to1, ...] inclusive, ascending, disjoint, below high
  private int holeCount;
  private long lastGap;

  /** Records {@code seq} and says whether it was new. {@link #lastGap()} then tells how many it skipped. */
  ReadingVerdict offer(long seq) {
    lastGap = 0;
    if (seq > high) {
      long gap = seq - high - 1;
      if (gap > 0) {
        addHole(high + 1, seq - 1);
      }
      lastGap = gap;
      high = seq;
      return ReadingVerdict.NEW;
    }
    if (seq < floor) {
      return ReadingVerdict.DUPLICATE;
    }
    int hole = findHole(seq);
    if (hole < 0) {
      return ReadingVerdict.DUPLICATE;
    }
    fill(hole, seq);
    return ReadingVerdict.LATE;
  }

  /** Numbers skipped by the last {@link #offer} that returned NEW (0 otherwise). */
  long lastGap() {
    return lastGap;
  }

  /** The highest seq received, -1 if none. */
  long high() {
    return high;
  }

  /** Holes remembered (ranges of numbers skipped and not received since). */
  int holes() {
    return holeCount;
  }

  /** Numbers missing below the highest seq, as far as remembered. */
  long missing() {
    long n = 0;
    for (int i = 0; i < holeCount; i++) {
      n += holes[2 * i + 1] - holes[2 * i] + 1;
    }
    return n;
  }

  private void addHole(long from, long to) {
    if (holes == null) {
      holes = new long[8];
    } else if (2 * holeCount == holes.length) {
      holes = Arrays.copyOf(holes, Math.min(holes.length * 2, 2 * (MAX_HOLES + 1)));
    }
    holes[2 * holeCount] = from;
    holes[2 * holeCount + 1] = to;
    holeCount++;
    if (holeCount > MAX_HOLES) {
      forgetLowestHole();
    }
  }

  private void forgetLowestHole() {
    floor = holes[1] + 1;
    System.arraycopy(holes, 2, holes, 0, 2 * (holeCount - 1));
    holeCount--;
  }

  /** Index of the hole holding {@code seq}, or -1. Holes are sorted, so a binary search. */
  private int findHole(long seq) {
    int lo = 0, hi = holeCount - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (seq < holes[2 * mid]) {
        hi = mid - 1;
      } else if (seq > holes[2 * mid + 1]) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private void fill(int hole, long seq) {
    long from = holes[2 * hole], to = holes[2 * hole + 1];
    if (from == to) {
      System.arraycopy(holes, 2 * hole + 2, holes, 2 * hole, 2 * (holeCount - hole - 1));
      holeCount--;
    } else if (seq == from) {
      holes[2 * hole] = seq + 1;
    } else if (seq == to) {
      holes[2 * hole + 1] = seq - 1;
    } else {
      // Split [from, to] into [from, seq-1] and [seq+1, to].
      if (2 * holeCount == holes.length) {
        holes = Arrays.copyOf(holes, holes.length * 2);
      }
      System.arraycopy(holes, 2 * hole + 2, holes, 2 * hole + 4, 2 * (holeCount - hole - 1));
      holes[2 * hole + 1] = seq - 1;
      holes[2 * hole + 2] = seq + 1;
      holes[2 * hole + 3] = to;
      holeCount++;
      if (holeCount > MAX_HOLES) {
        forgetLowestHole();
      }
    }
  }
}
