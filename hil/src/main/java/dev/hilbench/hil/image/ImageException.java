package dev.hilbench.hil.image;

/** A file that is not a bootable ESP8266 image; the message names what is wrong and where. */
public final class ImageException extends Exception {

  public ImageException(String message) {
    super(message);
  }
}
