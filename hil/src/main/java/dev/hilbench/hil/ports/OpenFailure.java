package dev.hilbench.hil.ports;

import java.util.List;

/**
 * The facts about a port that would not open, gathered by {@link OpenFailureFacts} from the
 * system and turned into advice by {@link PortDiagnosis}.
 *
 * @param errno the system error of the open (jSerialComm's last error code); 0 if unknown
 * @param exists the device node exists
 * @param group the group owning the device node, or null
 * @param inGroupNow this process runs with that group
 * @param inGroupConfigured the user is listed in that group (effective at the next login)
 * @param holders processes that have the port open
 * @param openHere this program has it open already
 */
public record OpenFailure(
    String path, int errno, boolean exists, String group, boolean inGroupNow, boolean inGroupConfigured,
    List<PortHolder> holders, boolean openHere) {

  public OpenFailure {
    holders = List.copyOf(holders);
  }
}
