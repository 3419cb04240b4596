package dev.hilbench.hil.cli;

import dev.hilbench.hil.link.JSerialCommLink;
import dev.hilbench.hil.link.ModemLines;
import dev.hilbench.hil.link.RecordingLink;
import dev.hilbench.hil.link.SerialLink;
import dev.hilbench.hil.link.TraceFormat;
import dev.hilbench.hil.ports.AllPorts;
import dev.hilbench.hil.ports.PortInfo;
import dev.hilbench.hil.ports.PortSelectionException;
import dev.hilbench.hil.ports.PortSelector;
import dev.hilbench.hil.virtual.SideChannel;
import dev.hilbench.hil.virtual.SideChannelLines;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * A port as a command opened it from {@link PortOptions}: the link (recorded if --trace), and the
 * lines to drive: the port's own, or the virtual NodeMCU's side channel with --control.
 */
final class OpenedPort implements Closeable {

  final PortInfo info;
  final SerialLink link;
  final ModemLines lines;
  final SideChannel control;
  private final RecordingLink recording;
  private final PortOptions options;

  private OpenedPort(PortInfo info, SerialLink link, ModemLines lines, SideChannel control,
      RecordingLink recording, PortOptions options) {
    this.info = info;
    this.link = link;
    this.lines = lines;
    this.control = control;
    this.recording = recording;
    this.options = options;
  }

  static OpenedPort open(PortOptions options) throws IOException, PortSelectionException {
    PortInfo info = PortSelector.select(options.port, AllPorts.system().list());
    SideChannel control = null;
    if (options.control != null) {
      control = SideChannel.connect(SideChannel.parseAddress(options.control), Duration.ofSeconds(5));
    }
    SerialLink link;
    try {
      link = JSerialCommLink.open(info.path(), options.baud);
    } catch (IOException e) {
      if (control != null) {
        control.close();
      }
      throw e;
    }
    RecordingLink recording = null;
    if (options.trace != null) {
      recording = new RecordingLink(link);
      link = recording;
    }
    ModemLines lines = control != null ? new SideChannelLines(control) : link;
    return new OpenedPort(info, link, lines, control, recording, options);
  }

  @Override
  public void close() throws IOException {
    try {
      if (recording != null) {
        TraceFormat.write(options.trace, recording.events());
      }
    } finally {
      try {
        link.close();
      } finally {
        if (control != null) {
          control.close();
        }
      }
    }
  }
}
