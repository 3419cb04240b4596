package dev.hilbench.protocol.fault;

import java.util.List;
import java.util.Optional;

/**
 * One fault of the vocabulary.
 *
 * @param name   as written in a spec: Toxiproxy's toxic name where Toxiproxy has the fault
 * @param kind   who applies it: the node or the network path
 * @param params its parameters, in canonical order
 * @param help   one line: what happens when it fires
 */
public record FaultDefinition(String name, FaultKind kind, List<FaultParam> params, String help) {

  public FaultDefinition {
    params = List.copyOf(params);
  }

  public Optional<FaultParam> param(String paramName) {
    return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
  }

  public List<String> paramNames() {
    return params.stream().map(FaultParam::name).toList();
  }

  /** {@code count=3 readings} or {@code average_size=4 bytes, size_variation=2 bytes, ...}; empty if none. */
  public String paramsSummary() {
    return String.join(", ", params.stream().map(FaultParam::summary).toList());
  }
}
