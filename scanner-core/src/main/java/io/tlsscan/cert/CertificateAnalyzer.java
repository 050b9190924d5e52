package io.tlsscan.cert;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.PathCertificate;
import io.tlsscan.model.Severity;
import io.tlsscan.model.TrustError;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Analyzes the certificate chain a server sent: facts about every certificate, the path to a trust
 * anchor, trust errors, and whether the leaf names the host.
 *
 * <pre>{@code
 * CertificateAnalyzer analyzer = new CertificateAnalyzer(TrustAnchors.systemDefault());
 * CertificateReport report = analyzer.analyze(derChain, "shop.example", Instant.now());
 * }</pre>
 *
 * <p>Path building copes with chains sent out of order and with extra certificates; see {@link
 * ChainBuilder}. At most {@value #MAX_CERTIFICATES} certificates are parsed. Revocation is not
 * checked here (no network access).
 *
 * <p>Thread-safe and meant to be shared: recently seen certificates are remembered parsed (up to
 * 1024) and signature checks of recently seen (certificate, issuer) pairs are remembered (up to
 * 4096 pairs), so the chains and intermediates a fleet shares are parsed and verified once. Hostile
 * input never throws; it becomes trust errors and issues.
 */
public final class CertificateAnalyzer {
  /** Most certificates of a chain that are parsed; the rest are reported, not analyzed. */
  public static final int MAX_CERTIFICATES = 16;

  private static final int MAX_NAMES_IN_MESSAGE = 10;

  private final ParsedCertificates certificates =
      new ParsedCertificates(ParsedCertificates.DEFAULT_CAPACITY);
  private final SignatureVerifier verifier;
  private final ChainBuilder builder;

  /** An analyzer that trusts exactly {@code anchors}. */
  public CertificateAnalyzer(TrustAnchors anchors) {
    this(anchors, new SignatureVerifier(SignatureVerifier.DEFAULT_CAPACITY));
  }

  CertificateAnalyzer(TrustAnchors anchors, SignatureVerifier verifier) {
    requireNonNull(anchors, "anchors");
    this.verifier = requireNonNull(verifier, "verifier");
    this.builder = new ChainBuilder(anchors, verifier, new PathChecks(verifier));
  }

  /**
   * Analyzes one chain.
   *
   * @param derChainAsSent the DER certificates in the order the server sent them, leaf first
   * @param host the DNS name or IP literal the user asked for
   * @param now the scan time, for validity and {@code days_left}
   * @return the report; {@code hostname_match} is {@link HostnameMatch#UNKNOWN} only when there is
   *     no usable leaf
   */
  public CertificateReport analyze(List<byte[]> derChainAsSent, String host, Instant now) {
    requireNonNull(derChainAsSent, "derChainAsSent");
    requireNonNull(host, "host");
    requireNonNull(now, "now");
    Verdict verdict = new Verdict();
    if (derChainAsSent.isEmpty()) {
      verdict.fail(TrustError.INVALID_CHAIN, Severity.HIGH, "server sent no certificate");
      return verdict.report(HostnameMatch.UNKNOWN, List.of(), List.of());
    }
    SentChain sent = parse(derChainAsSent, verdict);
    List<CertificateInfo> chain = new ArrayList<>(sent.certificates().size());
    for (ParsedCertificate certificate : sent.certificates()) {
      chain.add(CertificateInfos.describe(certificate, now, verifier.selfSigned(certificate)));
    }
    if (!sent.leafParsed()) {
      return verdict.report(HostnameMatch.UNKNOWN, chain, List.of());
    }
    ParsedCertificate leaf = sent.certificates().get(0);
    ChainBuilder.Result built = builder.build(leaf, sent.certificates(), now);
    CertificatePath path = built.path();
    built.problems().forEach(verdict::fail);
    noteExpiringSoon(path, now, verdict);
    Lints.check(path, verifier, verdict);
    noteChainShape(path, sent.certificates(), verdict);
    return verdict.report(checkHostname(leaf, host, verdict), chain, describe(path));
  }

  /** The certificates that could be parsed, in the order sent, and whether the first one was. */
  private record SentChain(List<ParsedCertificate> certificates, boolean leafParsed) {}

  private SentChain parse(List<byte[]> ders, Verdict verdict) {
    int total = ders.size();
    if (total > MAX_CERTIFICATES) {
      verdict.note(
          "cert.chain_too_long",
          Severity.MEDIUM,
          "server sent "
              + total
              + " certificates; only the first "
              + MAX_CERTIFICATES
              + " were analyzed");
    }
    List<ParsedCertificate> parsed = new ArrayList<>();
    boolean leafParsed = false;
    for (int i = 0; i < Math.min(total, MAX_CERTIFICATES); i++) {
      try {
        parsed.add(certificates.parse(ders.get(i)));
        leafParsed |= i == 0;
      } catch (CertificateException e) {
        verdict.fail(
            TrustError.INVALID_CHAIN,
            Severity.HIGH,
            "certificate "
                + (i + 1)
                + " of "
                + total
                + " as sent cannot be parsed: "
                + Names.shorten(Objects.toString(e.getMessage(), e.getClass().getSimpleName())));
      }
    }
    return new SentChain(parsed, leafParsed);
  }

  /** {@code cert.no_san} and {@code cert.hostname_mismatch}; the CN is never consulted. */
  private static HostnameMatch checkHostname(ParsedCertificate leaf, String host, Verdict verdict) {
    SubjectAltNames names = leaf.subjectAltNames();
    if (!names.present()) {
      verdict.note(
          "cert.no_san",
          Severity.HIGH,
          "certificate has no subjectAltName; the CN is not used for name checks (RFC 6125)");
    }
    if (HostnameMatcher.matches(host, names.dnsNames(), names.ipAddresses())) {
      return HostnameMatch.MATCH;
    }
    verdict.note(
        "cert.hostname_mismatch",
        Severity.HIGH,
        "certificate does not match host "
            + Names.shorten(host)
            + "; it names "
            + describeNames(names.displayed()));
    return HostnameMatch.MISMATCH;
  }

  private static String describeNames(List<String> names) {
    if (names.isEmpty()) {
      return "no DNS names or IP addresses";
    }
    List<String> shown = names.subList(0, Math.min(names.size(), MAX_NAMES_IN_MESSAGE));
    StringBuilder text = new StringBuilder();
    for (String name : shown) {
      text.append(text.length() == 0 ? "" : ", ").append(Names.shorten(name));
    }
    if (names.size() > shown.size()) {
      text.append(" and ").append(names.size() - shown.size()).append(" more");
    }
    return text.toString();
  }

  private static List<PathCertificate> describe(CertificatePath path) {
    List<PathCertificate> described = new ArrayList<>(path.certificates().size());
    for (int i = 0; i < path.certificates().size(); i++) {
      ParsedCertificate certificate = path.certificates().get(i);
      described.add(
          new PathCertificate(
              certificate.subjectName(), certificate.sha256(), i > 0 && i == path.anchorIndex()));
    }
    return described;
  }

  /** {@code cert.expiring_soon} for the leaf and the intermediates of the path, not the anchor. */
  private static void noteExpiringSoon(CertificatePath path, Instant now, Verdict verdict) {
    List<ParsedCertificate> certificates = path.certificates();
    for (int i = 0; i < certificates.size(); i++) {
      if (i == 0 || i != path.anchorIndex()) {
        PathChecks.expiringSoon(certificates.get(i), PathChecks.role(certificates.get(i), i, -1), now)
            .ifPresent(message -> verdict.note("cert.expiring_soon", Severity.MEDIUM, message));
      }
    }
  }

  /**
   * {@code cert.chain_misordered} when the sent certificates of the path are not in path order,
   * {@code cert.chain_extra} for sent certificates the path does not use. Neither breaks trust.
   */
  private static void noteChainShape(
      CertificatePath path, List<ParsedCertificate> sent, Verdict verdict) {
    int previous = -1;
    boolean ordered = true;
    for (ParsedCertificate certificate : path.certificates()) {
      int position = sentPosition(certificate, sent);
      if (position >= 0) {
        ordered &= position > previous;
        previous = position;
      }
    }
    if (!ordered) {
      verdict.note(
          "cert.chain_misordered",
          Severity.LOW,
          "server sent the chain out of order; each certificate should be followed by its issuer"
              + " (RFC 5246 section 7.4.2)");
    }
    List<String> extra = new ArrayList<>();
    for (ParsedCertificate certificate : sent) {
      if (path.certificates().stream().noneMatch(used -> sameCa(used, certificate))) {
        extra.add(Names.shorten(certificate.subjectName()));
      }
    }
    if (!extra.isEmpty()) {
      verdict.note(
          "cert.chain_extra",
          Severity.INFO,
          "server sent "
              + extra.size()
              + " certificate(s) not part of the path: "
              + describeNames(extra));
    }
  }

  /** Where the server sent {@code certificate}, or a copy of that CA (a sent root), else -1. */
  private static int sentPosition(ParsedCertificate certificate, List<ParsedCertificate> sent) {
    for (int i = 0; i < sent.size(); i++) {
      if (sameCa(certificate, sent.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The same certificate, or another certificate of the same CA (the store's copy of a root). */
  private static boolean sameCa(ParsedCertificate a, ParsedCertificate b) {
    return a == b || a.sameCaAs(b);
  }
}
