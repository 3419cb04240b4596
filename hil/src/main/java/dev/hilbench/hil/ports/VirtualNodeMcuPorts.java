package dev.hilbench.hil.ports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The pseudo-terminals of running virtual NodeMCUs, which no serial enumeration shows: found
 * through /proc (a process named virtual-nodemcu that holds /dev/pts/N open). Linux only; an
 * empty list elsewhere.
 */
public final class VirtualNodeMcuPorts implements PortSource {

  private static final String PROGRAM = "virtual-nodemcu";
  private final Path proc;

  public VirtualNodeMcuPorts() {
    this(Path.of("/proc"));
  }

  VirtualNodeMcuPorts(Path proc) {
    this.proc = proc;
  }

  @Override
  public List<PortInfo> list() {
    List<PortInfo> ports = new ArrayList<>();
    if (!Files.isDirectory(proc)) {
      return ports;
    }
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path pid : pids) {
        if (isVirtualNodeMcu(pid)) {
          for (String pts : ptysHeldBy(pid)) {
            ports.add(new PortInfo(pts, -1, -1, null, "virtual NodeMCU (pid " + pid.getFileName() + ")",
                PortKind.PSEUDO_TERMINAL));
          }
        }
      }
    } catch (IOException e) {
      // /proc vanished under us; what was found so far is still right.
      return ports;
    }
    return ports;
  }

  private static boolean isVirtualNodeMcu(Path pid) {
    try {
      byte[] cmdline = Files.readAllBytes(pid.resolve("cmdline"));
      int end = 0;
      while (end < cmdline.length && cmdline[end] != 0) {
        end++;
      }
      String argv0 = new String(cmdline, 0, end, java.nio.charset.StandardCharsets.UTF_8);
      return argv0.equals(PROGRAM) || argv0.endsWith("/" + PROGRAM);
    } catch (IOException e) {
      return false;   // the process ended, or is not ours to read
    }
  }

  private static TreeSet<String> ptysHeldBy(Path pid) {
    TreeSet<String> ptys = new TreeSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("/dev/pts/")) {
            ptys.add(target);
          }
        } catch (IOException e) {
          // a descriptor closed while we looked: skip it
        }
      }
    } catch (IOException e) {
      return ptys;
    }
    return ptys;
  }
}
