package dev.hilbench.simulator;

import dev.hilbench.simulator.node.SimNode;

/**
 * What a node is doing at one moment.
 *
 * @param boots   boots so far (a reboot adds one)
 * @param nextSeq the seq its next reading will take
 */
public record NodeView(int index, String device, String group, SimNode.State state, int boots, long nextSeq) {

  public boolean connected() {
    return state == SimNode.State.CONNECTED;
  }
}
