package dev.hilbench.hil.rom;

import java.io.IOException;

/**
 * The ESP8266 ROM bootloader, once connected: chip detection, identity, flash id, and the
 * FLASH_BEGIN/DATA/END commands. ROM only (no stub upload): 1 KiB blocks, no compression, no MD5.
 */
public final class Esp8266Rom {

  /** The ROM writes flash in 1 KiB blocks (the stub takes 16 KiB). */
  public static final int FLASH_BLOCK = 0x400;
  public static final int BLOCK_ATTEMPTS = 3;

  static final int UART_CLKDIV_REG = 0x60000014;
  static final int UART_CLKDIV_MASK = 0xFFFFF;

  // The SPI controller, for running RDID through READ_REG/WRITE_REG (esptool run_spiflash_command).
  static final int SPI_BASE = 0x60000200;
  static final int SPI_CMD = SPI_BASE;
  static final int SPI_USR = SPI_BASE + 0x1C;
  static final int SPI_USR1 = SPI_BASE + 0x20;
  static final int SPI_USR2 = SPI_BASE + 0x24;
  static final int SPI_W0 = SPI_BASE + 0x40;
  static final int SPI_CMD_USR = 1 << 18;
  static final int SPI_USR_COMMAND = 1 << 31;
  static final int SPI_USR_MISO = 1 << 28;
  static final int SPI_USR1_MISO_BITLEN_SHIFT = 8;
  static final int SPIFLASH_RDID = 0x9F;

  private final RomConnection rom;

  private Esp8266Rom(RomConnection rom) {
    this.rom = rom;
  }

  /**
   * Checks the connected chip is an ESP8266: the magic at 0x40001000 (esptool 3+), or failing
   * that the date register esptool 2.x read.
   */
  public static Esp8266Rom detect(RomConnection rom) throws IOException, EspException {
    Response magicReply = rom.command(Command.readReg(ChipMagic.REGISTER));
    if (magicReply.ok()) {
      int magic = magicReply.value();
      if (magic == ChipMagic.ESP8266) {
        return new Esp8266Rom(rom);
      }
      var other = ChipMagic.otherChip(magic);
      if (other.isPresent()) {
        throw new EspException(String.format("This chip is %s, not ESP8266 (chip magic value 0x%08x).",
            other.get(), magic), Hints.WRONG_CHIP);
      }
    }
    // An unknown magic or a refused read: try the date register esptool 2.x used.
    Response dateReply = rom.command(Command.readReg(ChipMagic.DATE_REGISTER));
    if (dateReply.ok() && dateReply.value() == ChipMagic.ESP8266_DATE) {
      return new Esp8266Rom(rom);
    }
    throw new EspException(String.format("Unexpected chip magic value %s (date register %s). Failed to"
        + " autodetect chip type: this is not an ESP8266.", describe(magicReply), describe(dateReply)),
        Hints.WRONG_CHIP);
  }

  private static String describe(Response r) {
    return r.ok() ? String.format("0x%08x", r.value()) : "unreadable, result " + r.resultHex();
  }

  public RomConnection connection() {
    return rom;
  }

  public OtpWords readOtp() throws IOException, EspException {
    int[] w = new int[4];
    for (int i = 0; i < 4; i++) {
      w[i] = rom.readReg(OtpWords.ADDRESSES[i]);
    }
    return new OtpWords(w[0], w[1], w[2], w[3]);
  }

  /** 26 or 40 MHz, from the UART divider the ROM's auto-baud chose for our baud rate. */
  public int crystalMhz() throws IOException, EspException {
    int divider = rom.readReg(UART_CLKDIV_REG) & UART_CLKDIV_MASK;
    double estimate = rom.link().baudRate() * (double) divider / 1e6 / 2;
    return estimate > 33 ? 40 : 26;
  }

  public ChipInfo readChipInfo() throws IOException, EspException {
    OtpWords otp = readOtp();
    return new ChipInfo(otp.chipType(), otp.mac(), otp.chipId(), crystalMhz());
  }

  /** The ESP8266 ROM has no SPI_ATTACH: FLASH_BEGIN(0, 0) attaches the flash instead. */
  public void attachFlash() throws IOException, EspException {
    rom.checkCommand("enter Flash download mode", Command.flashBegin(0, 0, FLASH_BLOCK, 0));
  }

  /** The flash chip's JEDEC id, by running RDID (0x9F) on the SPI controller. Attach first. */
  public FlashId readFlashId() throws IOException, EspException {
    int oldUsr = rom.readReg(SPI_USR);
    int oldUsr2 = rom.readReg(SPI_USR2);
    rom.writeReg(SPI_USR1, (24 - 1) << SPI_USR1_MISO_BITLEN_SHIFT);   // read 24 bits, send none
    rom.writeReg(SPI_USR, SPI_USR_COMMAND | SPI_USR_MISO);
    rom.writeReg(SPI_USR2, (7 << 28) | SPIFLASH_RDID);                  // an 8-bit command
    rom.writeReg(SPI_W0, 0);                                            // clear it before the read
    rom.writeReg(SPI_CMD, SPI_CMD_USR);                                 // go
    boolean done = false;
    for (int i = 0; i < 10 && !done; i++) {
      done = (rom.readReg(SPI_CMD) & SPI_CMD_USR) == 0;
    }
    if (!done) {
      throw new EspException("SPI command did not complete in time", Hints.NOISE);
    }
    int id = rom.readReg(SPI_W0);
    rom.writeReg(SPI_USR, oldUsr);
    rom.writeReg(SPI_USR2, oldUsr2);
    return new FlashId(id);
  }

  /** Erases what the write will cover (the ROM erases before it replies) and starts the write. */
  public void flashBegin(int size, int offset) throws IOException, EspException {
    int blocks = (size + FLASH_BLOCK - 1) / FLASH_BLOCK;
    rom.checkCommand("enter Flash download mode",
        Command.flashBegin(EraseSize.forRom(offset, size), blocks, FLASH_BLOCK, offset));
  }

  /** One 1 KiB block (the last one padded with 0xFF by the caller), with esptool's three tries. */
  public void flashBlock(int sequence, byte[] block) throws IOException, EspException {
    for (int attempt = 1; ; attempt++) {
      try {
        rom.checkCommand("write to target Flash after seq " + sequence, Command.flashData(sequence, block));
        return;
      } catch (EspException e) {
        if (attempt == BLOCK_ATTEMPTS) {
          throw new EspException(e.getMessage(),
              e instanceof RomTimeoutException ? Hints.TIMEOUT_DURING_WRITE : Hints.NOISE, e);
        }
        rom.discardInput();   // a late reply must not pass for the answer to the retry
      }
    }
  }

  /**
   * Leaves the bootloader and runs the flashed code without touching the lines (esptool's
   * {@code --after soft-reset}); the next reset returns to the serial loader.
   */
  public void runUserCode() throws IOException, EspException {
    attachFlash();
    rom.send(Command.flashEnd(true));
    try {
      rom.awaitLastReply(Opcode.FLASH_END, rom.timeouts().memEnd());
    } catch (RomTimeoutException e) {
      // The ROM may jump to the code before its reply is out: no reply is no error here.
    }
  }
}
