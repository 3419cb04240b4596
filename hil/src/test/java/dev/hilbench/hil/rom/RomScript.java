package dev.hilbench.hil.rom;

import dev.hilbench.hil.Hex;
import dev.hilbench.hil.link.LinkEvent;
import dev.hilbench.hil.slip.SlipEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds replay scripts of a ROM conversation: what the host must write, what the ROM answers. */
public final class RomScript {

  private final List<LinkEvent> events = new ArrayList<>();

  public static RomScript script() {
    return new RomScript();
  }

  /** The board sends this before anything is written (a boot message, a log). */
  public RomScript boardSends(String text) {
    events.add(new LinkEvent.Read(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0));
    return this;
  }

  public RomScript boardSendsHex(String hex) {
    events.add(new LinkEvent.Read(Hex.bytes(hex), 0));
    return this;
  }

  public RomScript host(Command command) {
    events.add(new LinkEvent.Wrote(SlipEncoder.encode(command.toPacket()), 0));
    return this;
  }

  public RomScript lines(Boolean dtr, Boolean rts) {
    events.add(new LinkEvent.Lines(dtr, rts, 0));
    return this;
  }

  public RomScript reply(Opcode op, int value) {
    return reply(op, value, 0, 0);
  }

  public RomScript reply(Opcode op, int value, int status, int error) {
    ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 1).put((byte) op.code()).putShort((short) 2).putInt(value).put((byte) status).put((byte) error);
    events.add(new LinkEvent.Read(SlipEncoder.encode(b.array()), 0));
    return this;
  }

  /** SYNC and the ROM's eight replies. */
  public RomScript sync() {
    host(Command.sync());
    for (int i = 0; i < 8; i++) {
      reply(Opcode.SYNC, 0x20120707);
    }
    return this;
  }

  public RomScript readReg(int address, int value) {
    return host(Command.readReg(address)).reply(Opcode.READ_REG, value);
  }

  public RomScript writeReg(int address, int value) {
    return host(Command.writeReg(address, value)).reply(Opcode.WRITE_REG, 0);
  }

  /** Detection by magic and the identity reads of the default virtual chip (18:fe:34:a1:b2:c3). */
  public RomScript detectAndIdentify() {
    readReg(ChipMagic.REGISTER, ChipMagic.ESP8266);
    readReg(0x3FF00050, 0xC3000000);
    readReg(0x3FF00054, 0x0000A1B2);
    readReg(0x3FF00058, 0);
    readReg(0x3FF0005C, 0);
    return readReg(0x60000014, 451);
  }

  public RomScript ok(Command command) {
    return host(command).reply(command.opcode(), 0);
  }

  public List<LinkEvent> events() {
    return List.copyOf(events);
  }
}
