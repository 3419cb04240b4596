package dev.hilbench.hil.rom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One request to the ROM: {@code 00}, opcode, data length (u16), checksum (u32), data; all
 * little-endian. The factories build the payloads the ESP8266 ROM understands.
 */
public record Command(Opcode opcode, byte[] data, int checksum) {

  /** FLASH_DATA/MEM_DATA sub-header: length, sequence number, two zero words. */
  public static final int DATA_HEADER = 16;

  public Command {
    if (data.length > 0xFFFF) {
      throw new IllegalArgumentException("command data too long: " + data.length + " bytes");
    }
  }

  /** SYNC: {@code 07 07 12 20} and 32 × {@code 55}, for the ROM's auto-baud. */
  public static Command sync() {
    byte[] data = new byte[36];
    data[0] = 0x07;
    data[1] = 0x07;
    data[2] = 0x12;
    data[3] = 0x20;
    Arrays.fill(data, 4, 36, (byte) 0x55);
    return new Command(Opcode.SYNC, data, 0);
  }

  public static Command readReg(int address) {
    return new Command(Opcode.READ_REG, words(address), 0);
  }

  public static Command writeReg(int address, int value) {
    return new Command(Opcode.WRITE_REG, words(address, value, 0xFFFFFFFF, 0), 0);
  }

  /** The ESP8266 ROM takes four words; a fifth is only for ESP32-S2+ ROMs and stubs. */
  public static Command flashBegin(int eraseSize, int blocks, int blockSize, int offset) {
    return new Command(Opcode.FLASH_BEGIN, words(eraseSize, blocks, blockSize, offset), 0);
  }

  public static Command flashData(int sequence, byte[] block) {
    byte[] data = new byte[DATA_HEADER + block.length];
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(block.length).putInt(sequence);
    System.arraycopy(block, 0, data, DATA_HEADER, block.length);
    return new Command(Opcode.FLASH_DATA, data, Checksum.of(block));
  }

  /** {@code runUserCode}: leave the loader and run the flashed code; otherwise reboot. */
  public static Command flashEnd(boolean runUserCode) {
    return new Command(Opcode.FLASH_END, words(runUserCode ? 1 : 0), 0);
  }

  public static Command getSecurityInfo() {
    return new Command(Opcode.GET_SECURITY_INFO, new byte[0], 0);
  }

  /** The packet before SLIP framing. */
  public byte[] toPacket() {
    ByteBuffer buf = ByteBuffer.allocate(8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.put((byte) 0x00).put((byte) opcode.code()).putShort((short) data.length).putInt(checksum);
    buf.put(data);
    return buf.array();
  }

  /** A word of the payload, for timeouts that depend on it (erase size, block length). */
  public int word(int index) {
    return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(index * 4);
  }

  static byte[] words(int... values) {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      buf.putInt(v);
    }
    return buf.array();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Command c && c.opcode == opcode && c.checksum == checksum && Arrays.equals(c.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * opcode.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return opcode + "(" + data.length + " bytes)";
  }
}
