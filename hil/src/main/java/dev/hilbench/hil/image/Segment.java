package dev.hilbench.hil.image;

/** One segment of an image: loaded at {@code address}, its data at {@code fileOffset} in the file. */
public record Segment(int address, int length, int fileOffset) {

  @Override
  public String toString() {
    return String.format("segment at 0x%08x, 0x%x bytes (file offset 0x%x)", address, length, fileOffset);
  }
}
