package io.tlsscan.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --fail-on}. */
final class FailOnConverter implements ITypeConverter<FailOn> {
  @Override
  public FailOn convert(String value) {
    try {
      return FailOn.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
