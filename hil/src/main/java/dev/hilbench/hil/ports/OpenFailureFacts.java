package dev.hilbench.hil.ports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Gathers what {@link PortDiagnosis} needs from the system: the device node's group, this
 * process's groups (/proc/self/status), the user's configured groups (/etc/group), and which
 * processes hold the port (/proc/[pid]/fd). Best effort: what cannot be read stays unknown.
 */
public final class OpenFailureFacts {

  private OpenFailureFacts() {}

  public static OpenFailure gather(String path, int errno, boolean openHere) {
    Path node = Path.of(path);
    boolean exists = Files.exists(node);
    String group = null;
    boolean inGroupNow = false;
    boolean inGroupConfigured = false;
    if (exists) {
      try {
        group = Files.readAttributes(node, PosixFileAttributes.class).group().getName();
        int gid = (Integer) Files.getAttribute(node, "unix:gid");
        inGroupNow = sessionGroups().contains(gid);
        inGroupConfigured = configuredMember(group, System.getProperty("user.name"));
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        // not a POSIX file system: leave the group unknown
      }
    }
    return new OpenFailure(path, errno, exists, group, inGroupNow, inGroupConfigured,
        exists ? holders(node) : List.of(), openHere);
  }

  static List<Integer> sessionGroups() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return List.of();
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("Groups:")) {
        String rest = line.substring(7).strip();
        return rest.isEmpty() ? List.of() : Arrays.stream(rest.split("\\s+")).map(Integer::valueOf).toList();
      }
    }
    return List.of();
  }

  static boolean configuredMember(String group, String user) throws IOException {
    Path etcGroup = Path.of("/etc/group");
    if (group == null || user == null || !Files.exists(etcGroup)) {
      return false;
    }
    for (String line : Files.readAllLines(etcGroup)) {
      String[] f = line.split(":", -1);
      if (f.length >= 4 && f[0].equals(group)) {
        return Arrays.asList(f[3].split(",")).contains(user);
      }
    }
    return false;
  }

  /** Processes with the device open; those we may not look into are not listed. */
  static List<PortHolder> holders(Path node) {
    List<PortHolder> found = new ArrayList<>();
    Path proc = Path.of("/proc");
    Path target;
    try {
      target = node.toRealPath();
    } catch (IOException e) {
      return found;
    }
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path pid : pids) {
        long id = Long.parseLong(pid.getFileName().toString());
        if (id != self && holds(pid, target)) {
          found.add(new PortHolder(id, command(pid)));
        }
      }
    } catch (IOException e) {
      return found;
    }
    return found;
  }

  private static boolean holds(Path pid, Path target) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(pid.resolve("fd"))) {
      for (Path fd : fds) {
        try {
          if (Files.readSymbolicLink(fd).equals(target)) {
            return true;
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    } catch (IOException e) {
      return false;   // not ours to look into
    }
    return false;
  }

  private static String command(Path pid) {
    try {
      return Files.readString(pid.resolve("comm")).strip();
    } catch (IOException e) {
      return "?";
    }
  }
}
