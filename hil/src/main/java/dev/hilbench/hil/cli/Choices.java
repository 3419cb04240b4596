package dev.hilbench.hil.cli;

import dev.hilbench.hil.flash.After;
import dev.hilbench.hil.flash.Before;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** esptool-style option values: {@code default-reset}, {@code hard-reset}; numbers in decimal or 0x hex. */
final class Choices {

  private Choices() {}

  static String enumName(String value) {
    // esptool 5 spells them with dashes; the underscore forms still work there, so here too.
    return value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
  }

  static final class BeforeConverter implements ITypeConverter<Before> {
    @Override
    public Before convert(String value) {
      try {
        return Before.valueOf(enumName(value));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected default-reset or no-reset, got '" + value + "'");
      }
    }
  }

  static final class AfterConverter implements ITypeConverter<After> {
    @Override
    public After convert(String value) {
      try {
        return After.valueOf(enumName(value));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected hard-reset, soft-reset or no-reset, got '" + value + "'");
      }
    }
  }

  static final class NumberConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        long v = Long.decode(value.trim());
        if (v < 0 || v > Integer.MAX_VALUE) {
          throw new TypeConversionException("'" + value + "' is out of range");
        }
        return (int) v;
      } catch (NumberFormatException e) {
        throw new TypeConversionException("expected a number (decimal or 0x hex), got '" + value + "'");
      }
    }
  }
}
