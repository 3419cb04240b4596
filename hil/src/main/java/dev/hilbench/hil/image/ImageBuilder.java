package dev.hilbench.hil.image;

import dev.hilbench.hil.rom.Checksum;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Writes a v1 image from segments, with padding and checksum: for tests and benchmarks. */
public final class ImageBuilder {

  private FlashMode mode = FlashMode.DIO;
  private FlashSize size = FlashSize.SIZE_4MB;
  private FlashFreq freq = FlashFreq.FREQ_40M;
  private int entry = 0x40100000;
  private final List<int[]> addresses = new ArrayList<>();
  private final List<byte[]> datas = new ArrayList<>();

  public ImageBuilder mode(FlashMode mode) {
    this.mode = mode;
    return this;
  }

  public ImageBuilder size(FlashSize size) {
    this.size = size;
    return this;
  }

  public ImageBuilder freq(FlashFreq freq) {
    this.freq = freq;
    return this;
  }

  public ImageBuilder entry(int entry) {
    this.entry = entry;
    return this;
  }

  /** Adds a segment; its data is padded with zeros to a multiple of 4, as the format wants. */
  public ImageBuilder segment(int address, byte[] data) {
    int padded = (data.length + 3) & ~3;
    addresses.add(new int[] {address});
    datas.add(java.util.Arrays.copyOf(data, padded));
    return this;
  }

  public byte[] build() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(FirmwareImage.MAGIC);
    out.write(datas.size());
    out.write(mode.code());
    out.write(size.code() | freq.code());
    out.writeBytes(le(entry));
    int checksum = Checksum.SEED;
    for (int i = 0; i < datas.size(); i++) {
      byte[] data = datas.get(i);
      out.writeBytes(le(addresses.get(i)[0]));
      out.writeBytes(le(data.length));
      out.writeBytes(data);
      checksum = Checksum.update(checksum, data, 0, data.length);
    }
    while (out.size() % 16 != 15) {
      out.write(0);
    }
    out.write(checksum);
    return out.toByteArray();
  }

  private static byte[] le(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }
}
