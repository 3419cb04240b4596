package dev.hilbench.simulator.proxy;

/**
 * One network fault on one direction of one link: Toxiproxy's {@code Toxic.Pipe}. It moves
 * chunks from the stub's input to its output, changed, delayed or dropped.
 *
 * <p>The contract, which keeps each toxic a small loop:
 * <ul>
 *   <li>{@link Stub#take()} returns null when the toxic should return: its input has ended
 *       ({@link Stub#inputEnd()} says how) or the chain is being rebuilt because a toxic was
 *       added or removed ({@link Stub#stopping()}). Return then; whatever is still queued stays
 *       for the next chain, and the end of the input is passed on for you.</li>
 *   <li>Waiting is done with {@link Stub#sleepUntil}, which a rebuild cuts short, so a toxic
 *       holding a chunk passes it on at once instead of dropping it (as Toxiproxy's do).</li>
 *   <li>One instance serves one direction of one link, and {@code pipe} is called again on the
 *       same instance after each rebuild, so fields carry per-link state (bytes passed, a
 *       deadline).</li>
 * </ul>
 * Whether a toxic applies to a link at all ({@code toxicity}) is decided in one place,
 * {@link Toxicity}, never here.
 */
@FunctionalInterface
interface Toxic {
  void pipe(Stub stub);
}
