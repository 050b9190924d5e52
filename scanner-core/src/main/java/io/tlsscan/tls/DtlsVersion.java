package io.tlsscan.tls;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * DTLS versions (RFC 4347, RFC 6347) with their wire codes and report names ({@code DTLSv1.0},
 * {@code DTLSv1.2}; there is no DTLS 1.1). Each is TLS of one version over datagrams: DTLS 1.0 is
 * TLS 1.1's hello and suites, DTLS 1.2 is TLS 1.2's, so hellos and suites are those of {@link
 * #tls()}. RC4 is offered too: RFC 6347 §4.1.2.2 forbids it over datagrams, so a server that picks
 * it is reported as it is.
 */
public enum DtlsVersion {
  DTLSv1_0(0xFEFF, "DTLSv1.0", ProtocolVersion.TLSv1_1),
  DTLSv1_2(0xFEFD, "DTLSv1.2", ProtocolVersion.TLSv1_2);

  private final int wireCode;
  private final String reportName;
  private final ProtocolVersion tls;

  DtlsVersion(int wireCode, String reportName, ProtocolVersion tls) {
    this.wireCode = wireCode;
    this.reportName = reportName;
    this.tls = tls;
  }

  /** The two-byte code on the wire, e.g. {@code 0xFEFD} for DTLS 1.2. */
  public int wireCode() {
    return wireCode;
  }

  /** The name in the report, e.g. {@code DTLSv1.2}. */
  public String reportName() {
    return reportName;
  }

  /** The TLS version this one carries over datagrams. */
  public ProtocolVersion tls() {
    return tls;
  }

  /** The version with this wire code, if it is one of the two. */
  public static Optional<DtlsVersion> byWireCode(int code) {
    for (DtlsVersion version : values()) {
      if (version.wireCode == code) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  /** The DTLS version that carries {@code version}, if there is one. */
  public static Optional<DtlsVersion> carrying(ProtocolVersion version) {
    requireNonNull(version, "version");
    for (DtlsVersion dtls : values()) {
      if (dtls.tls == version) {
        return Optional.of(dtls);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return reportName;
  }
}
