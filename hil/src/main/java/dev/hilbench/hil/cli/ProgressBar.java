package dev.hilbench.hil.cli;

import dev.hilbench.hil.flash.Flasher;
import java.io.PrintWriter;

/**
 * esptool's "Writing at 0x00001000... (12 %)" as a bar: redrawn in place on a terminal, a line per
 * tenth otherwise (a CI log should not fill with carriage returns).
 */
final class ProgressBar implements Flasher.Progress {

  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean interactive;
  private final int offset;
  private int lastShown = -1;

  ProgressBar(PrintWriter out, boolean interactive, int offset) {
    this.out = out;
    this.interactive = interactive;
    this.offset = offset;
  }

  @Override
  public void written(int done, int total) {
    int percent = total == 0 ? 100 : (int) (done * 100L / total);
    if (interactive) {
      if (percent == lastShown && done != total) {
        return;
      }
      lastShown = percent;
      int filled = percent * WIDTH / 100;
      out.printf("\rWriting at 0x%08x [%s%s] %3d %%", offset + done, "#".repeat(filled),
          ".".repeat(WIDTH - filled), percent);
      if (done == total) {
        out.println();
      }
    } else {
      int tenth = percent / 10;
      if (tenth == lastShown) {
        return;
      }
      lastShown = tenth;
      out.printf("Writing at 0x%08x... (%d %%)%n", offset + done, percent);
    }
    out.flush();
  }
}
