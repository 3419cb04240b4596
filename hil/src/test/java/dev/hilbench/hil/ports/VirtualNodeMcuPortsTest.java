package dev.hilbench.hil.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running virtual NodeMCUs are found through /proc: here a /proc made of files. */
class VirtualNodeMcuPortsTest {

  @Test
  void listsThePseudoTerminalsHeldByVirtualNodeMcuProcessesOnly(@TempDir Path proc) throws Exception {
    process(proc, 100, "/work/firmware/build/virtual-nodemcu\0--download\0", "/dev/ptmx", "/dev/pts/5");
    process(proc, 200, "bash\0", "/dev/pts/1");
    process(proc, 300, "virtual-nodemcu\0", "/dev/pts/9", "/tmp/flash.bin");
    List<PortInfo> ports = new VirtualNodeMcuPorts(proc).list();
    ports = ports.stream().sorted(java.util.Comparator.comparing(PortInfo::path)).toList();
    assertEquals(List.of("/dev/pts/5", "/dev/pts/9"), ports.stream().map(PortInfo::path).toList());
    assertEquals(PortKind.PSEUDO_TERMINAL, ports.get(0).kind());
    assertEquals("virtual NodeMCU (pid 100)", ports.get(0).description());
  }

  @Test
  void noProcIsNoPorts(@TempDir Path dir) {
    assertEquals(List.of(), new VirtualNodeMcuPorts(dir.resolve("absent")).list());
  }

  private static void process(Path proc, int pid, String cmdline, String... fds) throws Exception {
    Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)).resolve("fd"));
    Files.writeString(dir.getParent().resolve("cmdline"), cmdline, StandardCharsets.UTF_8);
    for (int i = 0; i < fds.length; i++) {
      Files.createSymbolicLink(dir.resolve(Integer.toString(i + 3)), Path.of(fds[i]));
    }
  }
}
