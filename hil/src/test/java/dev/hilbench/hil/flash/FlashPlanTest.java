package dev.hilbench.hil.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hilbench.hil.image.FlashMode;
import dev.hilbench.hil.image.FlashParams;
import dev.hilbench.hil.image.ImageBuilder;
import dev.hilbench.hil.image.ImageException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlashPlanTest {

  @Test
  void padsToFourBytesWithErasedFlash() {
    FlashPlan plan = FlashPlan.prepare(new byte[] {1, 2, 3, 4, 5}, 0x10000, FlashParams.KEEP);
    assertEquals(0x10000, plan.offset());
    assertEquals(8, plan.data().length);
    assertEquals((byte) 0xFF, plan.data()[5]);
    assertEquals((byte) 0xFF, plan.data()[7]);
    assertEquals(5, plan.fileLength());
  }

  @Test
  void movesAnOffsetInsideASectorToTheSectorStart() {
    FlashPlan plan = FlashPlan.prepare(new byte[] {1, 2, 3, 4}, 0x3010, FlashParams.KEEP);
    assertEquals(0x3000, plan.offset());
    assertEquals(0x14, plan.data().length);
    assertEquals((byte) 0xFF, plan.data()[0x0F]);
    assertEquals(1, plan.data()[0x10]);
    assertTrue(plan.notes().get(0).startsWith("Offset 0x3010 is inside a flash sector"), plan.notes().toString());
  }

  @Test
  void patchesTheHeaderOnlyAtOffsetZero() {
    byte[] image = new ImageBuilder().mode(FlashMode.QIO).segment(0x40100000, new byte[8]).build();
    FlashParams dio = new FlashParams(Optional.of(FlashMode.DIO), Optional.empty(), Optional.empty());
    FlashPlan atZero = FlashPlan.prepare(image, 0, dio);
    assertEquals(FlashMode.DIO.code(), atZero.data()[2]);
    assertEquals(1, atZero.notes().size());
    FlashPlan elsewhere = FlashPlan.prepare(image, 0x1000, dio);
    assertEquals(FlashMode.QIO.code(), elsewhere.data()[2]);
    assertTrue(elsewhere.notes().isEmpty());
  }

  @Test
  void countsOneKibBlocks() {
    assertEquals(1, FlashPlan.prepare(new byte[4], 0, FlashParams.KEEP).blocks(0x400));
    assertEquals(1, FlashPlan.prepare(new byte[0x400], 0, FlashParams.KEEP).blocks(0x400));
    assertEquals(2, FlashPlan.prepare(new byte[0x404], 0, FlashParams.KEEP).blocks(0x400));
  }

  @Test
  void imageCheckInsistsOnAValidImageAtOffsetZeroOnly() throws ImageException {
    byte[] image = new ImageBuilder().segment(0x40100000, new byte[8]).build();
    assertTrue(ImageCheck.check(image, 0, "fw.bin").isPresent());
    byte[] corrupt = image.clone();
    corrupt[17] ^= 0x40;
    ImageException e = assertThrows(ImageException.class, () -> ImageCheck.check(corrupt, 0, "fw.bin"));
    assertTrue(e.getMessage().startsWith("fw.bin is not a valid ESP8266 image: checksum mismatch"), e.getMessage());
    assertTrue(e.getMessage().endsWith("Nothing was written (--force writes it anyway)."), e.getMessage());
    assertTrue(ImageCheck.check(new byte[] {0x12, 0x34}, 0x100000, "data.bin").isEmpty(), "raw data elsewhere");
    assertThrows(ImageException.class, () -> ImageCheck.check(new byte[0], 0x100000, "empty.bin"));
  }
}
