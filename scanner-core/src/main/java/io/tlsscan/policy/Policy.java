package io.tlsscan.policy;

import static java.util.Objects.requireNonNull;

import io.tlsscan.model.Severity;
import io.tlsscan.tls.CipherSuite;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a target must satisfy beyond the certificate checks every scan makes ({@code --policy}).
 * Empty sets and absent limits mean "no rule". Suites may be named by their IANA or OpenSSL name;
 * the policy keeps the IANA name, which records use.
 *
 * @param name how findings name the policy, e.g. {@code mozilla-intermediate}
 * @param description one line for {@code tlsscan policies}
 * @param allowedProtocols versions that may be accepted (report names); empty: any that is not
 *     broken or deprecated
 * @param allowedCiphers suites that may be accepted; empty: any
 * @param forbiddenCiphers suites that must not be accepted
 * @param requiredCiphers suites that must be accepted
 * @param allowedGroups key-exchange groups that may be accepted (report names); empty: any
 * @param certificate rules on the leaf certificate
 * @param minDhBits smallest DHE prime accepted, or 0
 * @param requireOcspStapling whether the server must staple an OCSP response
 * @param requireHsts whether HTTPS responses must carry Strict-Transport-Security
 * @param severities severity overrides by finding id
 * @param exemptions findings waived for some hosts until a date
 */
public record Policy(
    String name,
    String description,
    Set<String> allowedProtocols,
    Set<String> allowedCiphers,
    Set<String> forbiddenCiphers,
    Set<String> requiredCiphers,
    Set<String> allowedGroups,
    CertificateRules certificate,
    int minDhBits,
    boolean requireOcspStapling,
    boolean requireHsts,
    Map<String, Severity> severities,
    List<Exemption> exemptions) {
  public Policy {
    requireNonNull(name, "name");
    requireNonNull(description, "description");
    allowedProtocols = Set.copyOf(allowedProtocols);
    allowedCiphers = ianaNames(allowedCiphers);
    forbiddenCiphers = ianaNames(forbiddenCiphers);
    requiredCiphers = ianaNames(requiredCiphers);
    allowedGroups = Set.copyOf(allowedGroups);
    requireNonNull(certificate, "certificate");
    severities = Map.copyOf(severities);
    exemptions = List.copyOf(exemptions);
  }

  /** Each suite by its IANA name; a name no suite has is kept as it is (it matches nothing). */
  private static Set<String> ianaNames(Set<String> suites) {
    return suites.stream()
        .map(name -> CipherSuite.byName(name).map(CipherSuite::ianaName).orElse(name))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Rules on the leaf certificate's key and lifetime.
   *
   * @param keyTypes key types allowed ({@code RSA}, {@code EC}, {@code Ed25519}...); empty: any
   * @param minRsaBits smallest RSA key, or 0
   * @param curves EC curves allowed (SEC names, e.g. {@code secp256r1}); empty: any
   * @param maxLifetimeDays longest validity period from notBefore to notAfter, or 0
   * @param minDaysLeft fewest whole days before expiry, or 0
   */
  public record CertificateRules(
      Set<String> keyTypes, int minRsaBits, Set<String> curves, int maxLifetimeDays, int minDaysLeft) {
    public static final CertificateRules NONE = new CertificateRules(Set.of(), 0, Set.of(), 0, 0);

    public CertificateRules {
      keyTypes = Set.copyOf(keyTypes);
      curves = Set.copyOf(curves);
    }
  }

  /**
   * Findings waived for one host (and port) until a date, with the reason on record.
   *
   * @param host the target's host as in the host list (case-insensitive)
   * @param port the port, or empty for every port
   * @param findings finding ids waived; {@code *} waives all
   * @param until the last day the exemption holds (UTC)
   * @param reason why, for the auditor
   */
  public record Exemption(
      String host,
      Optional<Integer> port,
      Set<String> findings,
      LocalDate until,
      String reason) {
    public Exemption {
      requireNonNull(host, "host");
      requireNonNull(port, "port");
      findings = Set.copyOf(findings);
      requireNonNull(until, "until");
      requireNonNull(reason, "reason");
    }
  }
}
