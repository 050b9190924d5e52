package io.tlsscan.report;

import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateIssue;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.Finding;
import io.tlsscan.model.Fingerprints;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.Hsts;
import io.tlsscan.model.HttpReport;
import io.tlsscan.model.KeyInfo;
import io.tlsscan.model.OcspStaple;
import io.tlsscan.model.PathCertificate;
import io.tlsscan.model.ProbeOutcome;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.ScanError;
import io.tlsscan.model.Section;
import io.tlsscan.model.SessionReport;
import io.tlsscan.model.Severity;
import io.tlsscan.model.SignatureAlgorithms;
import io.tlsscan.model.SignedTimestamp;
import io.tlsscan.model.TargetInfo;
import io.tlsscan.model.Tls12Resumption;
import io.tlsscan.model.Tls13Resumption;
import io.tlsscan.model.TrustError;
import io.tlsscan.model.Vulnerabilities;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import io.tlsscan.probe.vulns.SuiteWeaknesses;
import io.tlsscan.tls.CipherSuite;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built reports covering the shapes a record can take. */
final class SampleReports {
  static final Instant STARTED = Instant.parse("2026-11-26T10:00:00.123456789Z");

  private SampleReports() {}

  /**
   * The contract's example: a handshake that completed with an expired, untrusted leaf, TLS 1.2 and
   * 1.3 with strong suites in the server's order, and two groups.
   */
  static HostReport expired() {
    TargetInfo target =
        new TargetInfo(
            "expired.example:443 10.0.0.5",
            12,
            "expired.example",
            443,
            "10.0.0.5",
            "expired.example");
    Handshake handshake =
        new Handshake(
            "TLSv1.3",
            "TLS_AES_128_GCM_SHA256",
            "x25519",
            "h2",
            false,
            false,
            Handshake.SOURCE_TLS_LIBRARY);
    CertificateInfo leaf =
        new CertificateInfo(
            "CN=expired.example",
            "CN=Test Intermediate",
            "1a2b",
            Instant.parse("2026-08-25T10:00:00Z"),
            Instant.parse("2026-11-23T10:00:00Z"),
            -3,
            new KeyInfo("EC", 256, "secp256r1", "1a".repeat(32)),
            "SHA256withECDSA",
            List.of("expired.example"),
            false,
            "0a".repeat(32),
            false,
            false);
    CertificateInfo intermediate =
        new CertificateInfo(
            "CN=Test Intermediate",
            "CN=Test Root",
            "02",
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2031-01-01T00:00:00Z"),
            1496,
            new KeyInfo("RSA", 2048, null, "1b".repeat(32)),
            "SHA256withRSA",
            List.of(),
            false,
            "0b".repeat(32),
            false,
            true);
    CertificateReport certificate =
        new CertificateReport(
            List.of(TrustError.EXPIRED),
            HostnameMatch.MATCH,
            List.of(leaf, intermediate),
            List.of(
                new PathCertificate(leaf.subject(), leaf.sha256(), false),
                new PathCertificate(intermediate.subject(), intermediate.sha256(), false),
                new PathCertificate("CN=Test Root", "ab".repeat(32), true)),
            List.of(new CertificateIssue("cert.expired", Severity.CRITICAL, "expired")));
    return report(
        target,
        null,
        STARTED,
        412,
        1,
        ProbeOutcome.completed(handshake),
        ProbeOutcome.completed(certificate),
        ProbeOutcome.completed(protocols(false, false, false, false, true, true)),
        ProbeOutcome.completed(
            new CipherSupport(
                versions(
                    "TLSv1.2",
                    List.of(
                        new CipherInfo(
                            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                            openSslName("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
                            128,
                            "strong",
                            "x25519",
                            253)),
                    "TLSv1.3",
                    List.of(
                        new CipherInfo(
                            "TLS_AES_128_GCM_SHA256",
                            openSslName("TLS_AES_128_GCM_SHA256"),
                            128,
                            "strong",
                            null,
                            null))),
                true)),
        ProbeOutcome.completed(List.of("x25519", "secp256r1")),
        List.of(
            new Finding(
                "cert.expired",
                Severity.CRITICAL,
                "certificate expired 3 days ago",
                "mozilla-intermediate")));
  }

  /** A handshake that completed with a trusted certificate naming the host, and no findings. */
  static HostReport trusted() {
    HostReport expired = expired();
    CertificateReport certificate = expired.certificate().resultOrNull();
    CertificateInfo leaf = certificate.chain().get(0);
    CertificateInfo fresh =
        new CertificateInfo(
            "CN=good.example",
            leaf.issuer(),
            leaf.serial(),
            leaf.notBefore(),
            Instant.parse("2027-01-05T10:00:00Z"),
            40,
            leaf.key(),
            leaf.signatureAlgorithm(),
            List.of("good.example"),
            false,
            leaf.sha256(),
            false,
            false);
    return report(
        new TargetInfo("good.example", 1, "good.example", 443, "10.0.0.7", "good.example"),
        null,
        STARTED,
        120,
        1,
        expired.handshake(),
        ProbeOutcome.completed(
            new CertificateReport(
                List.of(),
                HostnameMatch.MATCH,
                List.of(fresh),
                List.of(new PathCertificate(fresh.subject(), fresh.sha256(), false)),
                List.of())),
        expired.protocols(),
        expired.ciphers(),
        expired.groups(),
        List.of());
  }

  /**
   * A DTLS server over UDP: DTLS versions in protocols and ciphers, the handshake from a raw hello.
   */
  static HostReport dtls() {
    HostReport trusted = trusted();
    Map<String, Boolean> accepted = new LinkedHashMap<>();
    accepted.put("DTLSv1.0", false);
    accepted.put("DTLSv1.2", true);
    return report(
        new TargetInfo(
            "dtls://vpn.example:4433",
            2,
            "vpn.example",
            4433,
            "10.0.0.9",
            "vpn.example",
            null,
            "dtls"),
        null,
        STARTED,
        300,
        9,
        ProbeOutcome.completed(
            new Handshake(
                "DTLSv1.2",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                "x25519",
                null,
                false,
                false,
                Handshake.SOURCE_RAW_HELLO)),
        trusted.certificate(),
        ProbeOutcome.completed(new ProtocolSupport(accepted)),
        ProbeOutcome.completed(
            new CipherSupport(
                Map.of(
                    "DTLSv1.2",
                    List.of(
                        new CipherInfo(
                            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                            openSslName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                            128,
                            "strong",
                            "x25519",
                            253))),
                null)),
        trusted.groups(),
        List.of());
  }

  /** A target that could not be scanned: only the target, the error and the timing. */
  static HostReport failed(ErrorKind kind) {
    return HostReport.failed(
        new TargetInfo("down.example:8443", 3, "down.example", 8443, "10.0.0.6", "down.example"),
        new ScanError(kind, "connect", kind.wireName() + " while connecting to 10.0.0.6:8443"),
        STARTED,
        5000,
        1);
  }

  /** A mail server scanned through SMTP STARTTLS: the trusted record under another target. */
  static HostReport smtpStarttls() {
    HostReport trusted = trusted();
    return new HostReport(
        new TargetInfo(
            "smtp://mail.example",
            2,
            "mail.example",
            25,
            "10.0.0.8",
            "mail.example",
            "smtp",
            "tcp"),
        trusted.error(),
        trusted.startedAt(),
        trusted.durationMs(),
        trusted.connections(),
        trusted.sections(),
        trusted.findings());
  }

  /** A host-list line that did not parse. */
  static HostReport invalidTarget() {
    return invalidTarget("bad host:99999", 7);
  }

  /** A host-list line {@code input} at {@code line} that did not parse. */
  static HostReport invalidTarget(String input, long line) {
    return HostReport.failed(
        new TargetInfo(input, line, null, null, null, null),
        new ScanError(ErrorKind.INVALID_TARGET, "parse", "port out of range: 99999"),
        STARTED,
        0,
        0);
  }

  /** The handshake completed but the certificate probe timed out half way. */
  static HostReport certificateProbeFailed() {
    HostReport expired = expired();
    return report(
        expired.target(),
        null,
        STARTED,
        10000,
        2,
        expired.handshake(),
        ProbeOutcome.failed(ErrorKind.TIMEOUT, "deadline reached while reading the chain"),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        List.of());
  }

  /** The handshake completed; the certificate probe was not run; nothing is known of it. */
  static HostReport certificateNotRun() {
    HostReport expired = expired();
    return report(
        expired.target(),
        null,
        STARTED,
        80,
        1,
        expired.handshake(),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        List.of());
  }

  /**
   * A completed scan whose leaf subject, issuer, SAN and the finding message are {@code text}, the
   * IPv6 target carries an unknown hostname match, and group and ALPN are unknown.
   */
  static HostReport hostile(String text) {
    CertificateInfo leaf =
        new CertificateInfo(
            text,
            text,
            "00",
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2027-01-01T00:00:00Z"),
            36,
            new KeyInfo("RSA", 1024, null, "1c".repeat(32)),
            "SHA1withRSA",
            List.of(text, "ok.example"),
            true,
            "0c".repeat(32),
            true,
            false);
    return report(
        new TargetInfo("[::1]:4433", 2, "::1", 4433, "::1", null),
        null,
        STARTED,
        30,
        1,
        ProbeOutcome.completed(
            new Handshake(
                "TLSv1.2",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                null,
                null,
                true,
                true,
                Handshake.SOURCE_TLS_LIBRARY)),
        ProbeOutcome.completed(
            new CertificateReport(
                List.of(TrustError.SELF_SIGNED, TrustError.WEAK_KEY, TrustError.WEAK_SIGNATURE),
                HostnameMatch.UNKNOWN,
                List.of(leaf),
                List.of(new PathCertificate(leaf.subject(), leaf.sha256(), false)),
                List.of())),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        ProbeOutcome.notRun(),
        List.of(new Finding("cert.self_signed", Severity.HIGH, text, "custom")));
  }

  /**
   * A legacy server that speaks only SSLv3 and TLS 1.0 with RC4 first, so the handshake facts come
   * from a raw hello: TLS 1.1 could not be told, seven distinct insecure suites (one accepted under
   * both versions) and one weak, the client's order, one group.
   */
  static HostReport legacy() {
    CipherInfo rc4 =
        new CipherInfo(
            "TLS_RSA_WITH_RC4_128_SHA",
            openSslName("TLS_RSA_WITH_RC4_128_SHA"),
            128,
            "insecure",
            null,
            null);
    CipherInfo tripleDes =
        new CipherInfo(
            "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
            openSslName("TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            112,
            "weak",
            null,
            null);
    List<CipherInfo> tls10 =
        List.of(
            rc4,
            new CipherInfo(
                "TLS_RSA_WITH_NULL_SHA",
                openSslName("TLS_RSA_WITH_NULL_SHA"),
                0,
                "insecure",
                null,
                null),
            new CipherInfo(
                "TLS_RSA_WITH_RC4_128_MD5",
                openSslName("TLS_RSA_WITH_RC4_128_MD5"),
                128,
                "insecure",
                null,
                null),
            new CipherInfo(
                "TLS_RSA_EXPORT_WITH_RC4_40_MD5",
                openSslName("TLS_RSA_EXPORT_WITH_RC4_40_MD5"),
                40,
                "insecure",
                null,
                null),
            new CipherInfo(
                "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA",
                openSslName("TLS_RSA_EXPORT_WITH_DES40_CBC_SHA"),
                40,
                "insecure",
                null,
                null),
            new CipherInfo(
                "TLS_DHE_RSA_WITH_DES_CBC_SHA",
                openSslName("TLS_DHE_RSA_WITH_DES_CBC_SHA"),
                56,
                "insecure",
                null,
                512),
            new CipherInfo(
                "TLS_RSA_WITH_NULL_MD5",
                openSslName("TLS_RSA_WITH_NULL_MD5"),
                0,
                "insecure",
                null,
                null),
            tripleDes,
            new CipherInfo(
                "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
                openSslName("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"),
                128,
                "strong",
                "secp256r1",
                256));
    HostReport expired = expired();
    HostReport legacy =
        report(
            new TargetInfo(
                "legacy.example", 4, "legacy.example", 443, "10.0.0.8", "legacy.example"),
            null,
            STARTED,
            2300,
            17,
            ProbeOutcome.completed(
                new Handshake(
                    "TLSv1.0", rc4.name(), null, null, false, false, Handshake.SOURCE_RAW_HELLO)),
            expired.certificate(),
            ProbeOutcome.completed(protocols(false, true, true, null, false, false)),
            ProbeOutcome.completed(
                new CipherSupport(
                    versions("SSLv3", List.of(rc4, tripleDes), "TLSv1.0", tls10), false)),
            ProbeOutcome.completed(List.of("secp256r1")),
            List.of());
    Map<Weakness, WeaknessVerdict> onTheWire = new EnumMap<>(Weakness.class);
    onTheWire.put(Weakness.HEARTBLEED, WeaknessVerdict.of(false));
    onTheWire.put(Weakness.CCS_INJECTION, WeaknessVerdict.of(true));
    onTheWire.put(Weakness.ROBOT, WeaknessVerdict.of(true));
    onTheWire.put(
        Weakness.TICKETBLEED,
        WeaknessVerdict.inconclusive(
            "the check runs over TLS 1.2 only, which the server does not accept"));
    onTheWire.put(Weakness.FALLBACK_SCSV, WeaknessVerdict.of(false));
    onTheWire.put(Weakness.SECURE_RENEGOTIATION, WeaknessVerdict.of(false));
    onTheWire.put(Weakness.COMPRESSION, WeaknessVerdict.of(true));
    onTheWire.put(
        Weakness.CLIENT_RENEGOTIATION,
        WeaknessVerdict.inconclusive(
            "the check runs over TLS 1.2 only, which the server does not accept"));
    return withVulnerabilities(
        legacy,
        new Vulnerabilities(
                SuiteWeaknesses.of(
                    legacy.protocols().resultOrNull(), legacy.ciphers().resultOrNull()))
            .with(onTheWire));
  }

  /**
   * A trusted target whose vulns probe could not learn the TLS 1.2 suites: the checks that need
   * them are undecided, SSLv2 and SSLv3 checks are decided; the wire checks passed but for
   * fallback_scsv, which the server's close left open.
   */
  static HostReport vulnerabilityUndecided() {
    Map<Weakness, WeaknessVerdict> onTheWire = new EnumMap<>(Weakness.class);
    onTheWire.put(Weakness.HEARTBLEED, WeaknessVerdict.of(false));
    onTheWire.put(Weakness.CCS_INJECTION, WeaknessVerdict.of(false));
    onTheWire.put(Weakness.ROBOT, WeaknessVerdict.of(false));
    onTheWire.put(Weakness.TICKETBLEED, WeaknessVerdict.of(false));
    onTheWire.put(
        Weakness.FALLBACK_SCSV,
        WeaknessVerdict.undecided(ErrorKind.RESET, "the server closed after the hello"));
    onTheWire.put(Weakness.SECURE_RENEGOTIATION, WeaknessVerdict.of(true));
    onTheWire.put(Weakness.COMPRESSION, WeaknessVerdict.of(false));
    onTheWire.put(Weakness.CLIENT_RENEGOTIATION, WeaknessVerdict.of(false));
    return withVulnerabilities(
        trusted(),
        new Vulnerabilities(
                SuiteWeaknesses.of(
                    protocols(false, false, false, false, true, true),
                    new CipherSupport(Map.of("TLSv1.3", List.of()), null)))
            .with(onTheWire));
  }

  /** A copy of {@code report} whose vulns probe completed with {@code vulnerabilities}. */
  static HostReport withVulnerabilities(HostReport report, Vulnerabilities vulnerabilities) {
    return withSection(report, HostReport.VULNERABILITIES, ProbeOutcome.completed(vulnerabilities));
  }

  /**
   * A trusted target whose protocol probe could not tell two versions, whose cipher probe timed out
   * half way (so neither {@code ciphers} nor {@code server_cipher_order} is known), and which
   * accepts no named group.
   */
  static HostReport cipherProbeFailed() {
    HostReport trusted = trusted();
    return report(
        trusted.target(),
        null,
        STARTED,
        10000,
        9,
        trusted.handshake(),
        trusted.certificate(),
        ProbeOutcome.completed(protocols(false, false, null, null, true, true)),
        ProbeOutcome.failed(ErrorKind.TIMEOUT, "deadline reached after 31 of 120 suites"),
        ProbeOutcome.completed(List.of()),
        List.of());
  }

  /** A copy of {@code report} whose cipher probe completed with {@code ciphers}. */
  static HostReport withCiphers(HostReport report, CipherSupport ciphers) {
    return report(
        report.target(),
        report.error(),
        report.startedAt(),
        report.durationMs(),
        report.connections(),
        report.handshake(),
        report.certificate(),
        report.protocols(),
        ProbeOutcome.completed(ciphers),
        report.groups(),
        report.findings());
  }

  /** A copy of {@code report} with its certificate section replaced. */
  static HostReport withCertificate(HostReport report, CertificateReport certificate) {
    return report(
        report.target(),
        report.error(),
        report.startedAt(),
        report.durationMs(),
        report.connections(),
        report.handshake(),
        ProbeOutcome.completed(certificate),
        report.protocols(),
        report.ciphers(),
        report.groups(),
        report.findings());
  }

  /**
   * A copy of {@code report} with a {@code session} section: a revoked staple signed by a delegate
   * and one SCT from the certificate and one from the staple.
   */
  static HostReport withRevokedStaple(HostReport report) {
    Instant seen = Instant.parse("2026-11-20T08:00:00.250Z");
    OcspStaple staple =
        new OcspStaple(
            OcspStaple.REVOKED,
            OcspStaple.SIGNER_DELEGATE,
            Instant.parse("2026-11-26T09:00:00Z"),
            Instant.parse("2026-11-26T09:00:00Z"),
            Instant.parse("2026-11-27T09:00:00Z"),
            Instant.parse("2026-11-25T00:00:00Z"),
            false,
            null);
    return withSession(
        report,
        new SessionReport(
            staple,
            List.of(
                new SignedTimestamp(SignedTimestamp.FROM_CERTIFICATE, 0, "oaGhoQ==", seen),
                new SignedTimestamp(SignedTimestamp.FROM_OCSP, 0, "w8PDww==", seen)),
            List.of("h2", "http/1.1"),
            null,
            new Tls12Resumption(true, true, true, false, 300L, null),
            null,
            new Tls13Resumption(true, 7200L, 16384L, true, null),
            null,
            new SignatureAlgorithms(
                List.of("rsa_pss_rsae_sha256", "rsa_pkcs1_sha256"), null, null, "not probed")));
  }

  /** A copy of {@code report} whose session probe completed with {@code session}. */
  static HostReport withSession(HostReport report, SessionReport session) {
    return withSection(report, HostReport.SESSION, ProbeOutcome.completed(session));
  }

  /** A copy of {@code report} with {@code section}'s outcome set to {@code outcome}. */
  static <S> HostReport withSection(
      HostReport report, Section<S> section, ProbeOutcome<S> outcome) {
    Map<Section<?>, ProbeOutcome<?>> sections = new HashMap<>(report.sections());
    sections.put(section, outcome);
    return new HostReport(
        report.target(),
        report.error(),
        report.startedAt(),
        report.durationMs(),
        report.connections(),
        sections,
        report.findings());
  }

  /**
   * The expired example with an http section: a redirect from a server whose name holds an escape
   * sequence, and a long HSTS policy.
   */
  static HostReport withHttp() {
    return withSection(
        expired(),
        HostReport.HTTP,
        ProbeOutcome.completed(
            new HttpReport(
                301,
                "https://www.expired.example/",
                "nginx\\u001b[31m",
                new Hsts(31_536_000, true, true),
                null)));
  }

  /** Fingerprints as a TLS 1.3 server's might be. */
  static Fingerprints fingerprints() {
    return new Fingerprints(
        "29d29d0002ad00000041d42d00041d108f7344cbfe24eab30d174e6403c42b",
        List.of(
            "c02f|0303|h2|ff01-0000-0001-000b-0023-0010",
            "c02f|0303|h2|ff01-0000-0001-000b-0023-0010",
            "|||",
            "c030|0303||ff01-0000-0001-000b-0023",
            "|||",
            "|||",
            "1301|0303|h2|002b-0033",
            "1302|0303|h2|002b-0033",
            "|||",
            "1301|0303|h2|002b-0033"),
        "475c9302dc42b2751db9edcac3b74891",
        "t130200_1301_234ea6891581",
        null);
  }

  /** A report with the given outcome of each section; those not run are left out. */
  static HostReport report(
      TargetInfo target,
      ScanError error,
      Instant startedAt,
      long durationMs,
      int connections,
      ProbeOutcome<Handshake> handshake,
      ProbeOutcome<CertificateReport> certificate,
      ProbeOutcome<ProtocolSupport> protocols,
      ProbeOutcome<CipherSupport> ciphers,
      ProbeOutcome<List<String>> groups,
      List<Finding> findings) {
    Map<Section<?>, ProbeOutcome<?>> sections = new HashMap<>();
    sections.put(HostReport.HANDSHAKE, handshake);
    sections.put(HostReport.CERTIFICATE, certificate);
    sections.put(HostReport.PROTOCOLS, protocols);
    sections.put(HostReport.CIPHERS, ciphers);
    sections.put(HostReport.GROUPS, groups);
    return new HostReport(target, error, startedAt, durationMs, connections, sections, findings);
  }

  /** SSLv2, SSLv3, TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3 in this order; {@code null} = unknown. */
  static ProtocolSupport protocols(
      Boolean sslv2, Boolean sslv3, Boolean tls10, Boolean tls11, Boolean tls12, Boolean tls13) {
    Map<String, Boolean> accepted = new LinkedHashMap<>();
    accepted.put("SSLv2", sslv2);
    accepted.put("SSLv3", sslv3);
    accepted.put("TLSv1.0", tls10);
    accepted.put("TLSv1.1", tls11);
    accepted.put("TLSv1.2", tls12);
    accepted.put("TLSv1.3", tls13);
    return new ProtocolSupport(accepted);
  }

  private static Map<String, List<CipherInfo>> versions(
      String first, List<CipherInfo> firstSuites, String second, List<CipherInfo> secondSuites) {
    Map<String, List<CipherInfo>> byVersion = new LinkedHashMap<>();
    byVersion.put(first, firstSuites);
    byVersion.put(second, secondSuites);
    return byVersion;
  }

  /** OpenSSL's name of the suite, as a scan reports it. */
  private static String openSslName(String ianaName) {
    return CipherSuite.byName(ianaName).flatMap(CipherSuite::openSslName).orElse(null);
  }
}
