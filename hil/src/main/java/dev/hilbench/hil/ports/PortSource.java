package dev.hilbench.hil.ports;

import java.util.List;

/** Where port descriptions come from: the system (jSerialComm), running virtual boards, a test. */
@FunctionalInterface
public interface PortSource {

  List<PortInfo> list();
}
