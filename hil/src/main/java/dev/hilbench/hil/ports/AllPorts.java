package dev.hilbench.hil.ports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several sources as one, by path, sorted; the first source to name a path wins. */
public final class AllPorts implements PortSource {

  private final List<PortSource> sources;

  public AllPorts(PortSource... sources) {
    this.sources = List.of(sources);
  }

  /** The system's ports and the running virtual NodeMCUs. */
  public static AllPorts system() {
    return new AllPorts(new JSerialCommPorts(), new VirtualNodeMcuPorts());
  }

  @Override
  public List<PortInfo> list() {
    Map<String, PortInfo> byPath = new LinkedHashMap<>();
    for (PortSource source : sources) {
      for (PortInfo p : source.list()) {
        byPath.putIfAbsent(p.path(), p);
      }
    }
    List<PortInfo> ports = new ArrayList<>(byPath.values());
    ports.sort(Comparator.comparing(PortInfo::path));
    return ports;
  }
}
