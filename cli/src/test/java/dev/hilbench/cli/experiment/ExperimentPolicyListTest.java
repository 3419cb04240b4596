package dev.hilbench.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.simulator.policy.PolicyKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --policy fixed,exponential,full_jitter,decorrelated}. */
class ExperimentPolicyListTest {

  @Test
  void theNamesOfTheCommandLineInTheirOrder() {
    assertEquals(List.of(PolicyKind.FIXED, PolicyKind.EXPONENTIAL, PolicyKind.FULL_JITTER, PolicyKind.DECORRELATED_JITTER),
        PolicyList.parse("fixed,exponential,full_jitter,decorrelated"));
    assertEquals(List.of(PolicyKind.DECORRELATED_JITTER, PolicyKind.FIXED), PolicyList.parse(" decorrelated-jitter , FIXED"));
    assertEquals(List.of(PolicyKind.FULL_JITTER), PolicyList.parse("full-jitter"));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "fixed,warp         | unknown reconnect policy 'warp'",
      "fixed,,exponential | empty policy name in 'fixed,,exponential'",
      "''                 | empty policy name in ''",
      "fixed,              | empty policy name",
      "fixed,FIXED        | policy fixed is listed twice",
  })
  void aBadListSaysWhatIsWrong(String text, String expected) {
    String message = assertThrows(IllegalArgumentException.class, () -> PolicyList.parse(text)).getMessage();
    assertTrue(message.contains(expected), message);
  }
}
