package io.tlsscan.target;

import io.tlsscan.tls.DtlsVersion;
import io.tlsscan.tls.ProtocolVersion;
import java.util.List;

/**
 * How a target is reached: TLS over TCP, or DTLS over UDP ({@code dtls://host:port} lines). The raw
 * probes speak either; a DTLS version is handled as the TLS version it carries ({@link
 * DtlsVersion#tls()}) and reported under its own name ({@code DTLSv1.0}, {@code DTLSv1.2}).
 */
public enum Transport {
  TCP("tcp"),
  DTLS("dtls");

  private final String reportName;

  Transport(String reportName) {
    this.reportName = reportName;
  }

  /** The record's {@code target.transport}: {@code tcp} or {@code dtls}. */
  public String reportName() {
    return reportName;
  }

  /** The versions to ask about, oldest first: all six, or those DTLS 1.0 and 1.2 carry. */
  public List<ProtocolVersion> versions() {
    return this == TCP
        ? List.of(ProtocolVersion.values())
        : List.of(DtlsVersion.DTLSv1_0.tls(), DtlsVersion.DTLSv1_2.tls());
  }

  /**
   * The report's name of {@code version} over this transport, e.g. {@code DTLSv1.2} for TLS 1.2.
   */
  public String versionName(ProtocolVersion version) {
    return this == TCP
        ? version.reportName()
        : DtlsVersion.carrying(version).map(DtlsVersion::reportName).orElseThrow();
  }
}
