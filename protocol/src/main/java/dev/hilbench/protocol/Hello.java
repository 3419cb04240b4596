package dev.hilbench.protocol;

/**
 * The first line a hilbench node (firmware or simulator) sends on a connection:
 * {@code #hello device=<id> fw=<version> boot=<boot-id> ack=<0|1>}.
 *
 * @param device   stable id of the node (for example its chip id), the key of its session
 * @param firmware firmware version string
 * @param boot     an id that changes at every boot; a new one means the node rebooted
 * @param wantsAck whether the server should acknowledge stored readings on this connection
 */
public record Hello(String device, String firmware, String boot, boolean wantsAck) implements Line {

  public Hello {
    LineCodec.requireToken("device", device, LineCodec.MAX_DEVICE_LENGTH);
    LineCodec.requireToken("fw", firmware, LineCodec.MAX_TOKEN_LENGTH);
    LineCodec.requireToken("boot", boot, LineCodec.MAX_TOKEN_LENGTH);
  }

  public String toLine() {
    return "#hello device=" + device + " fw=" + firmware + " boot=" + boot + " ack=" + (wantsAck ? 1 : 0);
  }
}
