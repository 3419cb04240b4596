/**
 * The fault vocabulary of hilbench, and its one text form, shared by the simulator (flags and
 * scenario files), the network fault proxy and the firmware's serial console.
 *
 * <pre>
 *   NAME[=PROBABILITY][,KEY=VALUE...]        e.g. drop=0.05   coalesce,count=3   silence
 * </pre>
 *
 * No spaces, so a spec works unquoted on a command line, in YAML, in a Gherkin table and on the
 * serial console. {@link FaultVocabulary} says which names and parameters there are, with units,
 * defaults and ranges; {@link FaultSpec} parses and checks a spec and gives its canonical form,
 * with every default filled in. The firmware's C++ parser implements the same grammar; both are
 * held to {@code protocol/src/test/resources/vectors/faults.tsv}. Pure: no I/O.
 */
package dev.hilbench.protocol.fault;
