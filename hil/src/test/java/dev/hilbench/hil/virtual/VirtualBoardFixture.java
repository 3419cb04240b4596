package dev.hilbench.hil.virtual;

import dev.hilbench.hil.link.JSerialCommLink;
import dev.hilbench.hil.link.SerialLink;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One virtual NodeMCU for a test: started from the firmware build, its pseudo-terminal opened,
 * everything closed afterwards. A missing binary fails the test with the reason, never skips it.
 */
final class VirtualBoardFixture implements Closeable {

  final Path dir;
  final Path flash;
  final VirtualNodeMcu node;
  final SerialLink link;

  private VirtualBoardFixture(Path dir, Path flash, VirtualNodeMcu node, SerialLink link) {
    this.dir = dir;
    this.flash = flash;
    this.node = node;
    this.link = link;
  }

  static Path binary() throws FileNotFoundException {
    return VirtualNodeMcuBinary.require();
  }

  /** The build's test images, next to the binary. */
  static Path buildFile(String name) throws FileNotFoundException {
    Path file = binary().resolveSibling(name);
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new FileNotFoundException(file + " is missing: the firmware build makes it (make -C firmware host)");
    }
    return file;
  }

  static VirtualBoardFixture start(Path dir, VirtualNodeMcu.Options options) throws IOException {
    VirtualNodeMcu node = VirtualNodeMcu.start(binary(), options, dir.resolve("virtual-nodemcu.log"));
    try {
      return new VirtualBoardFixture(dir, options.flash(), node, JSerialCommLink.open(node.serialPath(), 115200));
    } catch (IOException e) {
      node.close();
      throw e;
    }
  }

  SideChannel control() throws IOException {
    return node.sideChannel();
  }

  String controlText() {
    return node.controlAddress().getHostString() + ":" + node.controlAddress().getPort();
  }

  @Override
  public void close() throws IOException {
    try {
      link.close();
    } finally {
      node.close();
    }
  }
}
