package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * SSL and TLS protocol versions with their wire codes and the names the report uses ({@code SSLv2
 * SSLv3 TLSv1.0 TLSv1.1 TLSv1.2 TLSv1.3}).
 */
public enum ProtocolVersion {
  /** SSL 2.0; its wire code is the SSLv2 CLIENT-HELLO version field. */
  SSLv2(0x0002, "SSLv2"),
  SSLv3(0x0300, "SSLv3"),
  TLSv1_0(0x0301, "TLSv1.0"),
  TLSv1_1(0x0302, "TLSv1.1"),
  TLSv1_2(0x0303, "TLSv1.2"),
  TLSv1_3(0x0304, "TLSv1.3");

  private final int wireCode;
  private final String reportName;

  ProtocolVersion(int wireCode, String reportName) {
    this.wireCode = wireCode;
    this.reportName = reportName;
  }

  /** The two-byte code on the wire, e.g. {@code 0x0303} for TLS 1.2. */
  public int wireCode() {
    return wireCode;
  }

  /** The name in the report, e.g. {@code TLSv1.2}. */
  public String reportName() {
    return reportName;
  }

  /** Whether this version is at least {@code other}. */
  public boolean atLeast(ProtocolVersion other) {
    return compareTo(requireNonNull(other, "other")) >= 0;
  }

  /** The version with this wire code, if it is one of the six. */
  public static Optional<ProtocolVersion> byWireCode(int code) {
    for (ProtocolVersion version : values()) {
      if (version.wireCode == code) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  /** The version with this report name, e.g. {@code TLSv1.3}. */
  public static Optional<ProtocolVersion> byReportName(String name) {
    requireNonNull(name, "name");
    for (ProtocolVersion version : values()) {
      if (version.reportName.equals(name)) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return reportName;
  }
}
