package dev.hilbench.features.dut.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.protocol.fault.FaultSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkFaultProxyTest {

  private static final String HOST = "127.0.0.1";

  @Test
  void networkFaultsGoToTheProxyDeviceFaultsToTheBoard() {
    assertTrue(LinkFaultProxy.isNetworkFault(FaultSpec.parse("slicer,average_size=1")));
    assertTrue(LinkFaultProxy.isNetworkFault(FaultSpec.parse("latency,latency=100")));
    assertFalse(LinkFaultProxy.isNetworkFault(FaultSpec.parse("coalesce,count=3")));
    assertFalse(LinkFaultProxy.isNetworkFault(FaultSpec.parse("silence")));
  }

  @Test
  void theSpecsParametersReachTheProxyOnTheBoardsReadings() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName(HOST));
        LinkFaultProxy proxy = LinkFaultProxy.start(HOST, server.getLocalPort(),
            List.of(FaultSpec.parse("limit_data,bytes=5")), 7);
        Socket board = new Socket(HOST, proxy.port())) {
      server.setSoTimeout(5_000);
      OutputStream out = board.getOutputStream();
      out.write("0,1000,23.4,45.0\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      try (Socket accepted = server.accept()) {
        accepted.setSoTimeout(5_000);
        InputStream in = accepted.getInputStream();
        // limit_data closes the link (a FIN) after its 5 bytes: the server reads them, then EOF.
        assertEquals("0,100", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
      }
    }
  }

  @Test
  void aDeviceFaultIsRefusedWithItsName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LinkFaultProxy.start(HOST, 9, List.of(FaultSpec.parse("drop=0.5")), 7));
    assertTrue(e.getMessage().contains("drop"), e.getMessage());
  }
}
