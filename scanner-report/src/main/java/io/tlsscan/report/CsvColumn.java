package io.tlsscan.report;

import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.Finding;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.KeyInfo;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.TrustError;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of the CSV view, in order. A cell is a {@link String}, a number, a {@link Boolean} or
 * {@code null} (an empty cell: the value is unknown or its section is absent). Lists are joined
 * with {@code ;}; the certificate columns describe the leaf. New columns go at the end, so the
 * positions spreadsheets rely on stay put.
 */
enum CsvColumn {
  HOST(r -> r.target().host()),
  PORT(r -> r.target().port()),
  IP(r -> r.target().ip()),
  SNI(r -> r.target().sni()),
  STATUS(r -> r.ok() ? "ok" : "error"),
  ERROR_KIND(r -> r.error() == null ? null : r.error().kind().wireName()),
  PROTOCOL(r -> handshake(r, Handshake::protocol)),
  CIPHER(r -> handshake(r, Handshake::cipher)),
  SUBJECT(r -> leaf(r, CertificateInfo::subject)),
  ISSUER(r -> leaf(r, CertificateInfo::issuer)),
  NOT_AFTER(r -> leaf(r, c -> Timestamps.format(c.notAfter()))),
  DAYS_LEFT(r -> leaf(r, CertificateInfo::daysLeft)),
  TRUSTED(r -> certificate(r, CertificateReport::trusted)),
  TRUST_ERRORS(r -> certificate(r, c -> joined(c.trustErrors(), TrustError::wireName))),
  HOSTNAME_MATCH(
      r ->
          certificate(
              r,
              c ->
                  switch (c.hostnameMatch()) {
                    case MATCH -> "true";
                    case MISMATCH -> "false";
                    case UNKNOWN -> null;
                  })),
  KEY(r -> leaf(r, c -> key(c.key()))),
  SIGNATURE_ALGORITHM(r -> leaf(r, CertificateInfo::signatureAlgorithm)),
  FINDINGS(r -> joined(r.findings(), Finding::id)),
  /** The versions known to be accepted, oldest first. */
  PROTOCOLS(r -> protocols(r, CsvColumn::accepted)),
  /** {@code insecure}, {@code weak} or {@code strong}; empty when no suite is known. */
  WEAKEST_CIPHER_STRENGTH(r -> ciphers(r, c -> CipherTally.of(c).weakest())),
  /** The host-list line as given, so a row can be traced back even when it did not parse. */
  INPUT(r -> r.target().input()),
  LINE(r -> r.target().line());

  private final Function<HostReport, Object> value;

  CsvColumn(Function<HostReport, Object> value) {
    this.value = value;
  }

  /** The header name, e.g. {@code error_kind}. */
  String header() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This column's raw cell for a report, before neutralisation. */
  Object value(HostReport report) {
    return value.apply(report);
  }

  /** A key as {@code RSA 2048} or {@code EC 256 secp256r1}. */
  static String key(KeyInfo key) {
    return key.curve() == null
        ? key.type() + " " + key.bits()
        : key.type() + " " + key.bits() + " " + key.curve();
  }

  private static Object handshake(HostReport report, Function<Handshake, Object> field) {
    Handshake handshake = report.handshake().resultOrNull();
    return handshake == null ? null : field.apply(handshake);
  }

  private static Object certificate(HostReport report, Function<CertificateReport, Object> field) {
    CertificateReport certificate = report.certificate().resultOrNull();
    return certificate == null ? null : field.apply(certificate);
  }

  private static Object protocols(HostReport report, Function<ProtocolSupport, Object> field) {
    ProtocolSupport protocols = report.protocols().resultOrNull();
    return protocols == null ? null : field.apply(protocols);
  }

  private static Object ciphers(HostReport report, Function<CipherSupport, Object> field) {
    CipherSupport ciphers = report.ciphers().resultOrNull();
    return ciphers == null ? null : field.apply(ciphers);
  }

  private static String accepted(ProtocolSupport protocols) {
    return protocols.accepted().keySet().stream()
        .filter(protocols::accepts)
        .collect(Collectors.joining(";"));
  }

  private static Object leaf(HostReport report, Function<CertificateInfo, Object> field) {
    CertificateReport certificate = report.certificate().resultOrNull();
    return certificate == null || certificate.chain().isEmpty()
        ? null
        : field.apply(certificate.chain().get(0));
  }

  private static <T> String joined(List<T> items, Function<T, String> name) {
    return items.stream().map(name).collect(Collectors.joining(";"));
  }
}
