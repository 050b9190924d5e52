package io.tlsscan.cli;

import io.tlsscan.target.StarttlsMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --starttls auto|none|PROTO}, any case. */
final class StarttlsModeConverter implements ITypeConverter<StarttlsMode> {
  @Override
  public StarttlsMode convert(String value) {
    try {
      return StarttlsMode.parse(value.trim());
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
