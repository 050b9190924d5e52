package io.tlsscan.policy;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.Finding;
import io.tlsscan.model.Handshake;
import io.tlsscan.model.HostReport;
import io.tlsscan.model.Hsts;
import io.tlsscan.model.HttpReport;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.Severity;
import io.tlsscan.model.TargetInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Judges one record against a {@link Policy}: the certificate analysis' issues and the negotiated
 * version ({@link BaselinePolicy}), then the policy's rules on versions, suites, groups, DH size,
 * the leaf's key and lifetime, and OCSP stapling, and HSTS when the record has an {@code http}
 * section; then severity overrides and exemptions. Works on the record alone, without network
 * access.
 *
 * <p>A rule whose input was not scanned is not judged: {@link #unchecked} tells a run which of the
 * policy's rules its probes leave out (the command line warns about them), and a probe that failed
 * on one target says so in that record's {@code probe_errors}. Thread-safe.
 */
public final class PolicyEvaluator {
  private static final int MAX_NAMES_IN_MESSAGE = 8;

  /**
   * The shortest HSTS max-age that is not {@code http.hsts_short}: six months, the minimum of
   * Mozilla's web security guidelines (the HSTS preload list asks for a year).
   */
  public static final long MIN_HSTS_MAX_AGE_SECONDS = 15_768_000;

  private static final Map<String, String> PROTOCOL_IDS =
      Map.of(
          "SSLv2", "protocol.sslv2",
          "SSLv3", "protocol.sslv3",
          "TLSv1.0", "protocol.tls10",
          "TLSv1.1", "protocol.tls11",
          "TLSv1.2", "protocol.tls12",
          "TLSv1.3", "protocol.tls13",
          "DTLSv1.0", "protocol.dtls10",
          "DTLSv1.2", "protocol.dtls12");

  /** A DTLS version is allowed when the TLS version it carries is (RFC 6347: 1.0 is 1.1's). */
  private static final Map<String, String> DTLS_CARRIES =
      Map.of("DTLSv1.0", "TLSv1.1", "DTLSv1.2", "TLSv1.2");

  private final Policy policy;
  private final BaselinePolicy baseline = new BaselinePolicy();

  public PolicyEvaluator(Policy policy) {
    this.policy = requireNonNull(policy, "policy");
  }

  /** The policy this evaluator applies. */
  public Policy policy() {
    return policy;
  }

  /**
   * What the policy's rules need that a run does not scan, e.g. {@code groups (add --probes
   * groups)}; empty when every rule can be judged.
   *
   * @param probed whether a probe ({@code protocols}, {@code ciphers}, {@code groups}) runs
   */
  public List<String> unchecked(Predicate<String> probed) {
    List<String> unchecked = new ArrayList<>();
    if (!policy.allowedProtocols().isEmpty() && !probed.test("protocols")) {
      unchecked.add("protocol versions (add --probes protocols)");
    }
    if (hasCipherRules() && !probed.test("ciphers")) {
      unchecked.add("cipher suites (add --probes ciphers)");
    }
    if (!policy.allowedGroups().isEmpty() && !probed.test("groups")) {
      unchecked.add("key-exchange groups (add --probes groups)");
    }
    if (policy.requireHsts() && !probed.test("http")) {
      unchecked.add("HSTS (add --probes http)");
    }
    return unchecked;
  }

  /** The findings for {@code report}, most severe first. */
  public List<Finding> evaluate(HostReport report) {
    Findings findings = new Findings();
    for (Finding base : baseline.evaluate(report)) {
      if (!allowsNegotiatedVersion(base, report)) {
        findings.add(base.id(), base.severity(), base.message());
      }
    }
    if (report.ok()) {
      protocols(report.protocols().resultOrNull(), findings);
      ciphers(report.ciphers().resultOrNull(), findings);
      groups(report.groups().resultOrNull(), findings);
      certificate(report.certificate().resultOrNull(), findings);
      handshake(report.handshake().resultOrNull(), findings);
      http(report.http().resultOrNull(), findings);
    }
    List<Finding> judged = exempt(report.target(), report, findings.result());
    judged.sort(Comparator.comparing(Finding::severity).reversed());
    return judged;
  }

  /**
   * Whether {@code base} is the baseline's deprecated-version finding for a version this policy
   * allows by name (as {@code mozilla-old} allows TLS 1.0): the policy's choice wins.
   */
  private boolean allowsNegotiatedVersion(Finding base, HostReport report) {
    Handshake handshake = report.handshake().resultOrNull();
    return base.id().equals("protocol.deprecated")
        && handshake != null
        && policy.allowedProtocols().contains(handshake.protocol());
  }

  private void protocols(ProtocolSupport protocols, Findings findings) {
    if (protocols == null) {
      return;
    }
    protocols.accepted().forEach(
        (version, accepted) -> {
          boolean broken = version.equals("SSLv2") || version.equals("SSLv3");
          boolean disallowed =
              !policy.allowedProtocols().isEmpty()
                  && !policy
                      .allowedProtocols()
                      .contains(DTLS_CARRIES.getOrDefault(version, version));
          if (Boolean.TRUE.equals(accepted) && (broken || disallowed)) {
            findings.add(
                PROTOCOL_IDS.get(version),
                version
                    + " is accepted"
                    + (policy.allowedProtocols().isEmpty()
                        ? ""
                        : "; " + policy.name() + " allows " + sorted(policy.allowedProtocols())));
          }
        });
  }

  private void ciphers(CipherSupport ciphers, Findings findings) {
    if (ciphers == null) {
      return;
    }
    List<String> insecure = new ArrayList<>();
    List<String> forbidden = new ArrayList<>();
    List<String> notAllowed = new ArrayList<>();
    List<String> smallDh = new ArrayList<>();
    Set<String> accepted = new HashSet<>();
    ciphers.byVersion().forEach(
        (version, suites) -> {
          for (CipherInfo suite : suites) {
            String name = suite.name();
            String shown = name + " (" + version + ")";
            accepted.add(name);
            boolean allowed = policy.allowedCiphers().contains(name);
            if (policy.forbiddenCiphers().contains(name)) {
              forbidden.add(shown);
            } else if (suite.strength().equals("insecure") && !allowed) {
              insecure.add(shown);
            } else if (!policy.allowedCiphers().isEmpty() && !allowed) {
              notAllowed.add(shown);
            }
            if (policy.minDhBits() > 0
                && name.contains("_DHE_")
                && suite.keyExchangeBits() != null
                && suite.keyExchangeBits() < policy.minDhBits()) {
              smallDh.add(shown + " with a " + suite.keyExchangeBits() + "-bit prime");
            }
          }
        });
    findings.listing("cipher.insecure", "accepts insecure suites: ", insecure);
    findings.listing("cipher.forbidden", "accepts suites " + policy.name() + " forbids: ", forbidden);
    findings.listing(
        "cipher.not_allowed", "accepts suites outside " + policy.name() + ": ", notAllowed);
    findings.listing(
        "kx.dh_too_small",
        "DH below the " + policy.minDhBits() + " bits " + policy.name() + " asks: ",
        smallDh);
    List<String> missing =
        policy.requiredCiphers().stream().filter(name -> !accepted.contains(name)).sorted().toList();
    findings.listing("cipher.required_missing", "does not accept required suites: ", missing);
  }

  private void groups(List<String> groups, Findings findings) {
    if (policy.allowedGroups().isEmpty() || groups == null) {
      return;
    }
    List<String> outside = groups.stream().filter(g -> !policy.allowedGroups().contains(g)).toList();
    findings.listing(
        "group.not_allowed", "accepts groups outside " + policy.name() + ": ", outside);
  }

  private boolean hasCipherRules() {
    return !policy.allowedCiphers().isEmpty()
        || !policy.forbiddenCiphers().isEmpty()
        || !policy.requiredCiphers().isEmpty()
        || policy.minDhBits() > 0;
  }

  private void certificate(CertificateReport certificate, Findings findings) {
    if (certificate == null || certificate.chain().isEmpty()) {
      return;
    }
    Policy.CertificateRules rules = policy.certificate();
    CertificateInfo leaf = certificate.chain().get(0);
    String type = leaf.key().type();
    if (!rules.keyTypes().isEmpty() && !rules.keyTypes().contains(type)) {
      findings.add(
          "cert.key_type_not_allowed",
          "the certificate has a " + type + " key; " + policy.name() + " allows " + sorted(rules.keyTypes()));
    } else if (type.equals("RSA") && leaf.key().bits() < rules.minRsaBits()) {
      findings.add(
          "cert.key_too_small",
          "the certificate has a "
              + leaf.key().bits()
              + "-bit RSA key; "
              + policy.name()
              + " asks for "
              + rules.minRsaBits());
    } else if (type.equals("EC")
        && !rules.curves().isEmpty()
        && !rules.curves().contains(String.valueOf(leaf.key().curve()))) {
      findings.add(
          "cert.curve_not_allowed",
          "the certificate's key is on "
              + (leaf.key().curve() == null ? "explicit curve parameters" : leaf.key().curve())
              + "; "
              + policy.name()
              + " allows "
              + sorted(rules.curves()));
    }
    long lifetime = Duration.between(leaf.notBefore(), leaf.notAfter()).toDays();
    if (rules.maxLifetimeDays() > 0 && lifetime > rules.maxLifetimeDays()) {
      findings.add(
          "cert.lifetime_too_long",
          "the certificate is valid for "
              + lifetime
              + " days; "
              + policy.name()
              + " allows at most "
              + rules.maxLifetimeDays());
    }
    if (rules.minDaysLeft() > 0 && leaf.daysLeft() < rules.minDaysLeft()) {
      findings.add(
          "cert.days_left_below_minimum",
          "the certificate expires in "
              + leaf.daysLeft()
              + " days; "
              + policy.name()
              + " asks for at least "
              + rules.minDaysLeft());
    }
  }

  private void handshake(Handshake handshake, Findings findings) {
    if (policy.requireOcspStapling() && handshake != null && !handshake.ocspStapled()) {
      findings.add(
          "handshake.ocsp_not_stapled",
          "the server does not staple an OCSP response; " + policy.name() + " requires it");
    }
  }

  /**
   * No valid HSTS policy is {@code http.hsts_missing}, {@code high} when the policy requires HSTS;
   * a max-age under {@link #MIN_HSTS_MAX_AGE_SECONDS} is {@code http.hsts_short}.
   */
  private void http(HttpReport http, Findings findings) {
    if (http == null) {
      return;
    }
    Hsts hsts = http.hsts();
    if (hsts == null) {
      String why =
          http.hstsError() == null
              ? "no Strict-Transport-Security header"
              : "the Strict-Transport-Security header is ignored: " + http.hstsError();
      if (policy.requireHsts()) {
        findings.add(
            "http.hsts_missing", Severity.HIGH, why + "; " + policy.name() + " requires HSTS");
      } else {
        findings.add("http.hsts_missing", why);
      }
    } else if (hsts.maxAge() < MIN_HSTS_MAX_AGE_SECONDS) {
      findings.add(
          "http.hsts_short",
          "HSTS max-age is "
              + hsts.maxAge()
              + " s, under the six months ("
              + MIN_HSTS_MAX_AGE_SECONDS
              + " s) Mozilla's guidelines ask at least");
    }
  }

  /** Applies exemptions: a live one turns the finding into info, an expired one is a finding. */
  private List<Finding> exempt(TargetInfo target, HostReport report, List<Finding> findings) {
    LocalDate today = LocalDate.ofInstant(report.startedAt(), ZoneOffset.UTC);
    List<Finding> judged = new ArrayList<>(findings.size());
    List<Policy.Exemption> expired = new ArrayList<>();
    for (Finding finding : findings) {
      Finding kept = finding;
      for (Policy.Exemption exemption : policy.exemptions()) {
        if (!covers(exemption, target, finding.id())) {
          continue;
        }
        if (today.isAfter(exemption.until())) {
          if (!expired.contains(exemption)) {
            expired.add(exemption);
          }
        } else {
          kept =
              new Finding(
                  finding.id(),
                  Severity.INFO,
                  finding.message()
                      + " (exempt until "
                      + exemption.until()
                      + ": "
                      + exemption.reason()
                      + ")",
                  policy.name());
          break;
        }
      }
      judged.add(kept);
    }
    for (Policy.Exemption exemption : expired) {
      judged.add(
          finding(
              "policy.exemption_expired",
              "the exemption of "
                  + String.join(", ", sorted(exemption.findings()))
                  + " ended on "
                  + exemption.until()
                  + " ("
                  + exemption.reason()
                  + ")"));
    }
    return judged;
  }

  private static boolean covers(Policy.Exemption exemption, TargetInfo target, String id) {
    return exemption.host().equalsIgnoreCase(target.host())
        && exemption.port().map(port -> port == target.port()).orElse(true)
        && (exemption.findings().contains("*") || exemption.findings().contains(id));
  }

  private Finding finding(String id, String message) {
    Severity severity =
        policy.severities().getOrDefault(id, FindingCatalog.of(id).severity());
    return new Finding(id, severity, message, policy.name());
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  /** The findings of one evaluation, with the policy's severity overrides applied. */
  private final class Findings {
    private final List<Finding> found = new ArrayList<>();

    void add(String id, String message) {
      found.add(finding(id, message));
    }

    void add(String id, Severity severity, String message) {
      found.add(
          new Finding(id, policy.severities().getOrDefault(id, severity), message, policy.name()));
    }

    void listing(String id, String lead, List<String> names) {
      if (names.isEmpty()) {
        return;
      }
      List<String> shown = names.subList(0, Math.min(names.size(), MAX_NAMES_IN_MESSAGE));
      String more = names.size() > shown.size() ? " and " + (names.size() - shown.size()) + " more" : "";
      add(id, lead + String.join(", ", shown) + more);
    }

    List<Finding> result() {
      return found;
    }
  }
}
