package io.tlsscan.cert;

import static io.tlsscan.cert.CaseCertificates.ca;
import static io.tlsscan.cert.CaseCertificates.directoryName;
import static io.tlsscan.cert.CaseCertificates.dnsName;
import static io.tlsscan.cert.CaseCertificates.ipAddress;
import static io.tlsscan.cert.CaseCertificates.ipSubnet;
import static io.tlsscan.cert.CaseCertificates.leaf;
import static io.tlsscan.cert.CaseCertificates.otherName;
import static io.tlsscan.cert.CaseCertificates.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.tlsscan.cert.CaseCertificates.Issued;
import io.tlsscan.model.CertificateIssue;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.TrustError;
import io.tlsscan.policy.FindingCatalog;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Certificate path validation, case by case: for every rule a chain that must be accepted and one
 * that must be rejected.
 *
 * <p>The profile is what Chrome and Firefox enforce for TLS servers (RFC 5280 path validation, the
 * RFC 6125/9525 host name rules, and the CA/Browser Forum rules browsers actually check). Baseline
 * Requirements rules that browsers tolerate (common name not among the SANs, serial number shape,
 * missing key identifiers, underscores in names) leave the chain trusted and are reported as
 * {@code cert.lint.*} findings instead.
 *
 * <p>Each case builds its own small PKI, hands the analyzer the peer certificate followed by the
 * untrusted intermediates (the order of the intermediates carries no meaning), and checks the
 * verdict: accepted means {@code trusted() && hostnameMatch() == MATCH}. A trust anchor the
 * analyzer refuses to load counts as a rejection.
 */
class PathValidationCasesTest {
  /** Validation time of cases that do not set one; all default certificates are valid then. */
  private static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");

  private static final String LINT_CN = "cert.lint.cn_not_in_san";
  private static final String LINT_SERIAL = "cert.lint.serial_number";
  private static final String LINT_AKI = "cert.lint.missing_aki";
  private static final String LINT_SKI = "cert.lint.missing_ski";
  private static final String LINT_UNDERSCORE = "cert.lint.underscore";

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void pathValidation(Case testCase) {
    Scenario scenario = testCase.scenario().get();
    CertificateAnalyzer analyzer;
    try {
      analyzer =
          new CertificateAnalyzer(
              TrustAnchors.of(scenario.anchors().stream().map(Issued::certificate).toList()));
    } catch (IllegalArgumentException | IllegalStateException refused) {
      // The JDK could not parse the anchor, or the analyzer would not load it: not trusted.
      if (testCase.expect().accepted()) {
        fail("a trust anchor was refused: " + refused.getMessage(), refused);
      }
      return;
    }
    List<byte[]> sent = scenario.sent().stream().map(Issued::der).toList();

    CertificateReport report = analyzer.analyze(sent, scenario.host(), scenario.time());
    if (Boolean.getBoolean("pathValidation.verbose")) {
      System.out.println(testCase + " => " + report.trustErrors() + " " + report.hostnameMatch() + " "
          + report.issues().stream().map(CertificateIssue::id).toList());
    }

    testCase.expect().check(report);
    // Every issue is a catalogued finding, at the catalogue's severity
    for (CertificateIssue issue : report.issues()) {
      assertThat(FindingCatalog.byId(issue.id()))
          .as(issue.id())
          .hasValueSatisfying(kind -> assertThat(issue.severity()).isEqualTo(kind.severity()));
    }
  }

  static Stream<Case> cases() {
    List<Case> all = new ArrayList<>();
    nameConstraints(all);
    extendedKeyUsage(all);
    criticalAndMalformedExtensions(all);
    keyIdentifiers(all);
    trustAnchors(all);
    validity(all);
    keyUsageAndBasicConstraints(all);
    pathLength(all);
    pathBuilding(all);
    hostNames(all);
    browserToleratedLints(all);
    return all.stream();
  }

  // ================================================================ name constraints (RFC 5280 4.2.1.10)

  private static void nameConstraints(List<Case> all) {
    // --- dNSName, on the root
    add(all, "nc: root permits example.com, leaf example.com", accepted(), () -> {
      Issued root = root().permit(dnsName("example.com")).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "nc: root permits example.com, leaf not-example.com", invalid(), () -> {
      Issued root = root().permit(dnsName("example.com")).selfSigned();
      return chain(root, leaf().subject("CN=not-example.com").dns("not-example.com").signedBy(root))
          .host("not-example.com");
    });
    add(all, "nc: permitted example.com is satisfied by foo.bar.example.com (labels added on the left)",
        accepted(), () -> {
      Issued root = root().permit(dnsName("example.com")).selfSigned();
      return chain(root, leaf().subject("CN=foo.bar.example.com").dns("foo.bar.example.com").signedBy(root))
          .host("foo.bar.example.com");
    });
    add(all, "nc: permitted example.com does not cover notexample.com (label boundary)", invalid(), () -> {
      Issued root = root().permit(dnsName("example.com")).selfSigned();
      return chain(root, leaf().subject("CN=notexample.com").dns("notexample.com").signedBy(root))
          .host("notexample.com");
    });
    add(all, "nc: non-critical name constraints are honoured and accepted (CABF exception)", accepted(), () -> {
      Issued root =
          root().nameConstraints(List.of(dnsName("example.com")), null, false).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "nc: non-critical name constraints still reject a name outside them", invalid(), () -> {
      Issued root =
          root().nameConstraints(List.of(dnsName("example.com")), null, false).selfSigned();
      return chain(root, leaf().subject("CN=example.net").dns("example.net").signedBy(root))
          .host("example.net");
    });
    // --- dNSName, on an intermediate
    add(all, "nc: intermediate excludes example.com, leaf example.com", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().exclude(dnsName("example.com")).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "nc: intermediate excludes example.com, leaf www.example.com (subtree)", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().exclude(dnsName("example.com")).signedBy(root);
      return chain(root, leaf().subject("CN=www.example.com").dns("www.example.com").signedBy(ica), ica)
          .host("www.example.com");
    });
    add(all, "nc: intermediate excludes other.example.com, leaf example.com", accepted(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().exclude(dnsName("other.example.com")).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "nc: excluded name in the second SAN entry rejects although the host is the first",
        invalid(), () -> {
      Issued root = root().exclude(dnsName("not-allowed.example.com")).selfSigned();
      return chain(root, leaf().dns("example.com", "not-allowed.example.com").signedBy(root));
    });
    add(all, "nc: name both permitted and excluded is excluded", invalid(), () -> {
      Issued root =
          root()
              .nameConstraints(List.of(dnsName("example.com")), List.of(dnsName("example.com")), true)
              .selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    // --- iPAddress
    add(all, "nc: root permits 192.0.2.0/24, leaf IP 192.0.2.1", accepted(), () -> {
      Issued root = root().permit(ipSubnet("192.0.2.0", 24)).selfSigned();
      return chain(root, leaf().subject("CN=192.0.2.1").ips("192.0.2.1").signedBy(root)).host("192.0.2.1");
    });
    add(all, "nc: root permits 192.0.2.0/24, leaf IP 192.0.3.1", invalid(), () -> {
      Issued root = root().permit(ipSubnet("192.0.2.0", 24)).selfSigned();
      return chain(root, leaf().subject("CN=192.0.3.1").ips("192.0.3.1").signedBy(root)).host("192.0.3.1");
    });
    add(all, "nc: root excludes 192.0.2.0/24, leaf IP 192.0.2.1", invalid(), () -> {
      Issued root = root().exclude(ipSubnet("192.0.2.0", 24)).selfSigned();
      return chain(root, leaf().subject("CN=192.0.2.1").ips("192.0.2.1").signedBy(root)).host("192.0.2.1");
    });
    add(all, "nc: root permits ::1/128, leaf IP ::1", accepted(), () -> {
      Issued root = root().permit(ipSubnet("::1", 128)).selfSigned();
      return chain(root, leaf().subject("CN=localhost").ips("::1").signedBy(root)).host("::1");
    });
    add(all, "nc: root excludes ::1/128, leaf IP ::1", invalid(), () -> {
      Issued root = root().exclude(ipSubnet("::1", 128)).selfSigned();
      return chain(root, leaf().subject("CN=localhost").ips("::1").signedBy(root)).host("::1");
    });
    add(all, "nc: intermediate excludes 10.0.0.0/8, leaf IP 10.1.2.3", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().exclude(ipSubnet("10.0.0.0", 8)).signedBy(root);
      return chain(root, leaf().subject("CN=10.1.2.3").ips("10.1.2.3").signedBy(ica), ica).host("10.1.2.3");
    });
    add(all, "nc: an iPAddress constraint does not restrict dNSNames (permitted)", accepted(), () -> {
      Issued root = root().permit(ipSubnet("192.0.2.0", 24)).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "nc: an iPAddress constraint does not restrict dNSNames (excluded)", accepted(), () -> {
      Issued root = root().exclude(ipSubnet("192.0.2.0", 24)).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    // --- directoryName (applies to the subject and to directoryName SANs)
    add(all, "nc: root permits C=US,O=Example, leaf subject inside it", accepted(), () -> {
      Issued root = root().permit(directoryName("C=US,O=Example")).selfSigned();
      return chain(root, leaf().subject("C=US,O=Example,CN=example.com").signedBy(root));
    });
    add(all, "nc: root permits C=US,O=Example, leaf subject C=US,O=Other", invalid(), () -> {
      Issued root = root().permit(directoryName("C=US,O=Example")).selfSigned();
      return chain(root, leaf().subject("C=US,O=Other,CN=example.com").signedBy(root));
    });
    add(all, "nc: root excludes C=US,O=Evil, leaf subject inside it", invalid(), () -> {
      Issued root = root().exclude(directoryName("C=US,O=Evil")).selfSigned();
      return chain(root, leaf().subject("C=US,O=Evil,CN=example.com").signedBy(root));
    });
    add(all, "nc: permitted directoryName matches the SAN but not the subject", invalid(), () -> {
      Issued root = root().permit(directoryName("C=US,O=Example")).selfSigned();
      Issued leaf =
          leaf()
              .subject("C=US,O=Other,CN=example.com")
              .san(false, dnsName("example.com"), directoryName("C=US,O=Example,CN=example.com"))
              .signedBy(root);
      return chain(root, leaf);
    });
    add(all, "nc: excluded directoryName matches the subject but not the SAN", invalid(), () -> {
      Issued root = root().exclude(directoryName("C=US,O=Evil")).selfSigned();
      Issued leaf =
          leaf()
              .subject("C=US,O=Evil,CN=example.com")
              .san(false, dnsName("example.com"), directoryName("C=US,O=Good,CN=example.com"))
              .signedBy(root);
      return chain(root, leaf);
    });
    add(all, "nc: root permits C=US,O=Example, intermediate subject outside it", invalid(), () -> {
      Issued root = root().permit(directoryName("C=US,O=Example")).selfSigned();
      Issued ica = ca("C=US,O=Other,CN=Outside Intermediate").signedBy(root);
      return chain(root, leaf().subject("C=US,O=Example,CN=example.com").signedBy(ica), ica);
    });
    add(all, "nc: intermediate permits C=US,O=Example, leaf subject outside it", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca("C=US,O=Example,CN=Inside Intermediate").permit(directoryName("C=US,O=Example")).signedBy(root);
      return chain(root, leaf().subject("C=US,O=Other,CN=example.com").signedBy(ica), ica);
    });
    // --- constraints apply to later CA certificates too, and accumulate
    add(all, "nc: intermediate SAN rejected by an earlier intermediate's constraints", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica1 =
          ca().nameConstraints(List.of(dnsName("permitted.example.com")), List.of(dnsName("forbidden.example.com")), true)
              .signedBy(root);
      Issued ica2 = ca().dns("forbidden.example.com").signedBy(ica1);
      return chain(root, leaf().dns("permitted.example.com").signedBy(ica2), ica2, ica1)
          .host("permitted.example.com");
    });
    add(all, "nc: intermediate SAN rejected by the root's constraints", invalid(), () -> {
      Issued root =
          root().nameConstraints(List.of(dnsName("permitted.example.com")), List.of(dnsName("forbidden.example.com")), true)
              .selfSigned();
      Issued ica1 = ca().signedBy(root);
      Issued ica2 = ca().dns("forbidden.example.com").signedBy(ica1);
      return chain(root, leaf().dns("permitted.example.com").signedBy(ica2), ica2, ica1)
          .host("permitted.example.com");
    });
    add(all, "nc: a later intermediate narrows the permitted names", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica1 = ca().permit(dnsName("foo.example.com"), dnsName("bar.example.com")).signedBy(root);
      Issued ica2 = ca().permit(dnsName("bar.example.com")).signedBy(ica1);
      return chain(root, leaf().dns("foo.example.com").signedBy(ica2), ica2, ica1).host("foo.example.com");
    });
    add(all, "nc: a later intermediate cannot widen the permitted names", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica1 = ca().permit(dnsName("bar.example.com")).signedBy(root);
      Issued ica2 = ca().permit(dnsName("foo.example.com"), dnsName("bar.example.com")).signedBy(ica1);
      return chain(root, leaf().dns("foo.example.com").signedBy(ica2), ica2, ica1).host("foo.example.com");
    });
    add(all, "nc: nested permits both satisfied", accepted(), () -> {
      Issued root = root().permit(dnsName("example.com")).selfSigned();
      Issued ica = ca().permit(dnsName("shop.example.com")).signedBy(root);
      return chain(root, leaf().dns("www.shop.example.com").signedBy(ica), ica).host("www.shop.example.com");
    });
    // --- self-issued certificates (RFC 5280 6.1.4(b), 4.2.1.10)
    add(all, "nc: not applied to a self-issued intermediate", accepted(), () -> {
      Issued root =
          root("CN=not-example.com").dns("not-example.com").permit(dnsName("example.com")).selfSigned();
      Issued rollover = ca("CN=not-example.com").dns("not-example.com").signedBy(root);
      return chain(root, leaf().signedBy(rollover), rollover);
    });
    add(all, "nc: applied to a self-issued-looking certificate in leaf position", invalid(), () -> {
      Issued root = root().permit(dnsName("example.com")).selfSigned();
      Issued ica = ca("CN=not-example.com").dns("not-example.com").signedBy(root);
      Issued leaf =
          leaf().subject("CN=not-example.com").issuer("CN=not-example.com").dns("not-example.com").signedBy(ica);
      return chain(root, leaf, ica).host("not-example.com");
    });
    // --- malformed constraints and names
    add(all, "nc: wildcard dNSName constraint *.example.com is malformed", invalid(), () -> {
      Issued root = root().permit(dnsName("*.example.com")).selfSigned();
      return chain(root, leaf().dns("foo.example.com").signedBy(root)).host("foo.example.com");
    });
    add(all, "nc: leading-period dNSName constraint .example.com is malformed", invalid(), () -> {
      Issued root = root().permit(dnsName(".example.com")).selfSigned();
      return chain(root, leaf().dns("foo.example.com").signedBy(root)).host("foo.example.com");
    });
    add(all, "nc: IPv4 constraint without a mask is malformed", invalid(), () -> {
      Issued root = root().permit(ipAddress("127.0.0.1")).selfSigned();
      return chain(root, leaf().subject("CN=127.0.0.1").ips("127.0.0.1").signedBy(root)).host("127.0.0.1");
    });
    add(all, "nc: IPv6 constraint without a mask is malformed", invalid(), () -> {
      Issued root = root().permit(ipAddress("::1")).selfSigned();
      return chain(root, leaf().subject("CN=localhost").ips("::1").signedBy(root)).host("::1");
    });
    add(all, "nc: permitted subtree does not admit a malformed SAN dNSName .example.com", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().permit(dnsName("example.com")).signedBy(root);
      Issued leaf = leaf().dns(".example.com", "foo.example.com").signedBy(ica);
      return chain(root, leaf, ica).host("foo.example.com");
    });
    add(all, "nc: permitted subnet does not admit a SAN iPAddress holding a subnet", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().permit(ipSubnet("192.0.2.0", 24)).signedBy(root);
      Issued leaf =
          leaf().subject("CN=192.0.2.1")
              .san(false, ipSubnet("192.0.2.0", 24), ipAddress("192.0.2.1"))
              .signedBy(ica);
      return chain(root, leaf, ica).host("192.0.2.1");
    });
    add(all, "nc: excluded otherName form present in the leaf cannot be processed", invalid(), () -> {
      String oid = "1.3.6.1.4.1.99999.1.3";
      Issued root = root().selfSigned();
      Issued ica =
          ca().nameConstraints(List.of(dnsName("example.com")), List.of(otherName(oid)), true).signedBy(root);
      Issued leaf = leaf().san(false, dnsName("example.com"), otherName(oid)).signedBy(ica);
      return chain(root, leaf, ica);
    });
    add(all, "nc: excluded otherName form absent from the path is harmless", accepted(), () -> {
      String oid = "1.3.6.1.4.1.99999.1.3";
      Issued root = root().selfSigned();
      Issued ica =
          ca().nameConstraints(List.of(dnsName("example.com")), List.of(otherName(oid)), true).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "nc: constraints with neither permitted nor excluded subtrees", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().nameConstraints(null, null, true).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "nc: constraints with empty permitted and excluded subtrees", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().nameConstraints(List.of(), List.of(), true).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "nc: name constraints in a leaf (critical)", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().nameConstraints(List.of(dnsName("example.com")), null, true).signedBy(root));
    });
    add(all, "nc: name constraints in a leaf (non-critical)", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().nameConstraints(List.of(dnsName("example.com")), null, false).signedBy(root));
    });
    // --- wildcards under constraints (CVE-2025-61727)
    add(all, "nc: wildcard SAN that could match an excluded name", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica =
          ca().nameConstraints(List.of(dnsName("example.com")), List.of(dnsName("bar.example.com")), true)
              .signedBy(root);
      return chain(root, leaf().dns("*.example.com").signedBy(ica), ica).host("bar.example.com");
    });
    add(all, "nc: wildcard SAN wider than the single permitted host", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().permit(dnsName("foo.example.com")).signedBy(root);
      return chain(root, leaf().dns("*.example.com").signedBy(ica), ica).host("foo.example.com");
    });
    add(all, "nc: wildcard SAN entirely inside the permitted subtree", accepted(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().permit(dnsName("example.com")).signedBy(root);
      return chain(root, leaf().dns("*.example.com").signedBy(ica), ica).host("foo.example.com");
    });
    // --- backtracking past a path that violates constraints
    add(all, "nc: first-found intermediate is forbidden, its re-issue under the constrained CA is fine",
        accepted(), () -> {
      Issued discardedRoot = root().selfSigned();
      Issued trustedRoot = root().selfSigned();
      Issued icaA =
          ca().nameConstraints(List.of(dnsName("permitted.example.com")), List.of(dnsName("forbidden.example.com")), true)
              .signedBy(trustedRoot);
      KeyPair icaKey = CaseCertificates.ec();
      Issued icaB1 = ca("CN=an-intermediate").keys(icaKey).dns("forbidden.example.com").signedBy(discardedRoot);
      Issued icaB2 = ca("CN=an-intermediate").keys(icaKey).signedBy(icaA);
      Issued leaf = leaf().subject("CN=permitted.example.com").dns("permitted.example.com").signedBy(icaB1);
      return chain(trustedRoot, leaf, icaB1, icaA, icaB2).host("permitted.example.com");
    });
    add(all, "nc: path through the constraining root fails, the other trusted root succeeds",
        accepted(), () -> {
      Issued rootA = root().selfSigned();
      Issued rootB = root().selfSigned();
      Issued icaA = ca().exclude(dnsName("forbidden.example.com")).signedBy(rootA);
      KeyPair icaKey = CaseCertificates.ec();
      Issued icaB1 = ca("CN=an-intermediate").keys(icaKey).dns("forbidden.example.com").signedBy(icaA);
      Issued icaB2 = ca("CN=an-intermediate").keys(icaKey).dns("unconstrained-ica.example.com").signedBy(rootB);
      Issued leaf =
          leaf().subject("CN=unconstrained.example.com").dns("unconstrained.example.com").signedBy(icaB1);
      return chain(List.of(rootA, rootB), leaf, icaA, icaB1, icaB2).host("unconstrained.example.com");
    });
  }

  // ================================================================ extended key usage

  private static void extendedKeyUsage(List<Case> all) {
    add(all, "eku: leaf serverAuth", accepted(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "eku: leaf clientAuth only", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().eku(false, KeyPurposeId.id_kp_clientAuth).signedBy(root));
    });
    add(all, "eku: leaf precertificate-signing only", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().ekuOids(false, CaseCertificates.OID_PRECERTIFICATE_SIGNING).signedBy(root));
    });
    add(all, "eku: leaf with an empty extKeyUsage", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().ekuOids(false).signedBy(root));
    });
    add(all, "eku: leaf without extKeyUsage (browsers accept)", accepted(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().noEku().signedBy(root));
    });
    add(all, "eku: leaf anyExtendedKeyUsage only", accepted(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().eku(false, KeyPurposeId.anyExtendedKeyUsage).signedBy(root));
    });
    add(all, "eku: leaf serverAuth and anyExtendedKeyUsage", accepted(), () -> {
      Issued root = root().selfSigned();
      Issued leaf =
          leaf().eku(false, KeyPurposeId.id_kp_serverAuth, KeyPurposeId.anyExtendedKeyUsage).signedBy(root);
      return chain(root, leaf);
    });
    add(all, "eku: leaf serverAuth and clientAuth", accepted(), () -> {
      Issued root = root().selfSigned();
      Issued leaf = leaf().eku(false, KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth).signedBy(root);
      return chain(root, leaf);
    });
    add(all, "eku: leaf serverAuth marked critical (browsers accept)", accepted(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().eku(true, KeyPurposeId.id_kp_serverAuth).signedBy(root));
    });
    add(all, "eku: intermediate restricted to clientAuth", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().eku(false, KeyPurposeId.id_kp_clientAuth).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "eku: intermediate restricted to serverAuth", accepted(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().eku(false, KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "eku: intermediate with anyExtendedKeyUsage", accepted(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().eku(false, KeyPurposeId.anyExtendedKeyUsage).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "eku: root restricted to clientAuth", invalid(), () -> {
      Issued root = root().eku(false, KeyPurposeId.id_kp_clientAuth).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "eku: root with serverAuth (BR forbids, browsers accept)", accepted(), () -> {
      Issued root = root().eku(false, KeyPurposeId.id_kp_serverAuth).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
  }

  // ================================================================ unknown, duplicate, malformed, mis-flagged extensions

  private static void criticalAndMalformedExtensions(List<Case> all) {
    add(all, "ext: unknown critical extension in the leaf", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().unknownExtension(true).signedBy(root));
    });
    add(all, "ext: unknown critical extension in the intermediate", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().pathLen(0).unknownExtension(true).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "ext: unknown critical extension in the root", invalid(), () -> {
      Issued root = root().unknownExtension(true).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "ext: unknown non-critical extensions at every level are ignored", accepted(), () -> {
      Issued root = root().unknownExtension(false).selfSigned();
      Issued ica = ca().unknownExtension(false).signedBy(root);
      return chain(root, leaf().unknownExtension(false).signedBy(ica), ica);
    });
    add(all, "ext: unrelated extra intermediate with an unknown critical extension is ignored",
        accepted(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().signedBy(root);
      Issued unrelated = ca().unknownExtension(true).signedBy(root);
      return chain(root, leaf().signedBy(ica), unrelated, ica);
    });
    add(all, "ext: the same extension twice (two subjectAltNames)", invalid(), () -> {
      Issued root = root().selfSigned();
      byte[] san = CaseCertificates.der(new DERSequence(dnsName("example.com")));
      Issued leaf =
          leaf().noSan()
              .extension(Extension.subjectAlternativeName.getId(), false, san)
              .extension(Extension.subjectAlternativeName.getId(), false, san)
              .signedBy(root);
      return chain(root, leaf);
    });
    add(all, "ext: subjectAltName that is not DER", rejected(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().rawSan("example.com".getBytes(java.nio.charset.StandardCharsets.US_ASCII), false)
          .signedBy(root));
    });
    add(all, "ext: authorityInfoAccess non-critical", accepted(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().extension(Extension.authorityInfoAccess, false, aia()).signedBy(root));
    });
    add(all, "ext: authorityInfoAccess critical (RFC 5280 4.2.2.1)", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().extension(Extension.authorityInfoAccess, true, aia()).signedBy(root));
    });
    add(all, "ext: authorityInfoAccess that does not decode", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued leaf =
          leaf().extension(Extension.authorityInfoAccess.getId(), false,
                  "malformed".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
              .signedBy(root);
      return chain(root, leaf);
    });
    add(all, "ext: policyConstraints non-critical in the intermediate (RFC 5280 4.2.1.11)", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().extension(Extension.policyConstraints, false, requireExplicitPolicy(3)).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "ext: policyConstraints critical in the intermediate", accepted(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().extension(Extension.policyConstraints, true, requireExplicitPolicy(3)).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "ext: subjectAltName critical beside a non-empty subject", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued leaf = leaf().subject("CN=something-else").san(true, dnsName("example.com")).signedBy(root);
      return chain(root, leaf);
    });
    add(all, "ext: subjectAltName non-critical with an empty subject", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().subject("").san(false, dnsName("example.com")).signedBy(root));
    });
    add(all, "ext: subjectAltName critical with an empty subject", accepted(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().subject("").san(true, dnsName("example.com")).signedBy(root));
    });
  }

  // ================================================================ key identifiers

  private static void keyIdentifiers(List<Case> all) {
    add(all, "aki: critical authorityKeyIdentifier in the root", invalid(), () -> {
      Issued root = root().selfAuthorityKeyId(true).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "aki: critical authorityKeyIdentifier in the leaf", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().authorityKeyIdCritical().signedBy(root));
    });
    add(all, "ski: critical subjectKeyIdentifier in the root", invalid(), () -> {
      Issued root = root().subjectKeyIdCritical().selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "aki: self-signed root without authorityKeyIdentifier needs no lint", acceptedWithout(LINT_AKI), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "aki: self-signed root with a matching authorityKeyIdentifier", accepted(), () -> {
      Issued root = root().selfAuthorityKeyId(false).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "aki: leaf without authorityKeyIdentifier is a lint", acceptedWith(LINT_AKI), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().noAuthorityKeyId().signedBy(root));
    });
    add(all, "aki: intermediate without authorityKeyIdentifier is a lint", acceptedWith(LINT_AKI), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().pathLen(0).noAuthorityKeyId().signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "ski: root without subjectKeyIdentifier is a lint", acceptedWith(LINT_SKI), () -> {
      Issued root = root().noSubjectKeyId().selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "ski: intermediate without subjectKeyIdentifier is a lint", acceptedWith(LINT_SKI), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().noSubjectKeyId().signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
  }

  // ================================================================ trust anchors

  private static void trustAnchors(List<Case> all) {
    add(all, "anchor: expired root above a valid intermediate and leaf", invalid(TrustError.EXPIRED), () -> {
      Issued root = root().validity(at("2016-01-01"), at("2020-01-01")).selfSigned();
      Issued ica = ca().validity(at("2016-01-01"), at("2026-01-01")).signedBy(root);
      Issued leaf = leaf().validity(at("2018-01-01"), at("2023-01-01")).signedBy(ica);
      return chain(root, leaf, ica).at(at("2022-01-01"));
    });
    add(all, "anchor: root without basicConstraints", invalid(), () -> {
      Issued root = root().noBasicConstraints().selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "anchor: root with non-critical basicConstraints (browsers accept, a lint)", acceptedWithLint(), () -> {
      Issued root = root().basicConstraints(true, null, false).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "anchor: root with basicConstraints cA=FALSE", invalid(), () -> {
      Issued root = root().basicConstraints(false, null, true).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "anchor: root cA=TRUE but keyUsage without keyCertSign", invalid(), () -> {
      Issued root = root().keyUsage(0, false).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "anchor: root with an empty subject", rejected(), () -> {
      Issued root = root().subject("").issuer("CN=Case Root Issuer").selfSigned();
      return chain(root, leaf().issuer("").signedBy(root));
    });
    add(all, "anchor: RSA-1024 root", invalid(TrustError.WEAK_KEY), () -> {
      Issued root = root().keys(CaseCertificates.rsa(1024)).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "anchor: RSA-2048 root (control)", accepted(), () -> {
      Issued root = root().keys(CaseCertificates.rsa(2048)).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "anchor: RSA root whose modulus is not a multiple of 8 bits (2052)", rejected(), () -> {
      Issued root = root().keys(CaseCertificates.rsa(2052)).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "anchor: P-192 root", invalid(TrustError.WEAK_KEY), () -> {
      Issued root = root().keys(CaseCertificates.ec("secp192r1")).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "anchor: root key with explicit curve parameters", rejected(), () -> {
      KeyPair keys = CaseCertificates.ec();
      Issued root = root().keys(keys).publicKeyInfo(CaseCertificates.explicitCurve(keys)).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "anchor: an intermediate is the anchor and the root is only sent", accepted(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().signedBy(root);
      return chain(List.of(ica), leaf().signedBy(ica), root);
    });
    add(all, "anchor: a cross-signed CA is the anchor", accepted(), () -> {
      Issued other = root().selfSigned();
      Issued anchor = ca().pathLen(0).signedBy(other);
      return chain(List.of(anchor), leaf().signedBy(anchor));
    });
    add(all, "anchor: the sent root is not trusted, an unrelated root is", rejected(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().pathLen(0).signedBy(root);
      Issued unrelated = root().selfSigned();
      return chain(List.of(unrelated), leaf().signedBy(ica), ica, root);
    });
  }

  // ================================================================ validity (RFC 5280 4.1.2.5)

  private static void validity(List<Case> all) {
    add(all, "validity: expired intermediate", invalid(TrustError.EXPIRED), () -> {
      Issued root = root().validity(at("2016-01-01"), at("2026-01-01")).selfSigned();
      Issued ica = ca().validity(at("2016-01-01"), at("2020-01-01")).signedBy(root);
      Issued leaf = leaf().validity(at("2018-01-01"), at("2023-01-01")).signedBy(ica);
      return chain(root, leaf, ica).at(at("2022-01-01"));
    });
    add(all, "validity: expired leaf", invalid(TrustError.EXPIRED), () -> {
      Issued root = root().validity(at("2016-01-01"), at("2026-01-01")).selfSigned();
      Issued ica = ca().validity(at("2016-01-01"), at("2026-01-01")).signedBy(root);
      Issued leaf = leaf().validity(at("2018-01-01"), at("2021-01-01")).signedBy(ica);
      return chain(root, leaf, ica).at(at("2022-01-01"));
    });
    Instant start = Instant.parse("2024-03-01T00:00:00Z");
    Instant end = Instant.parse("2024-04-01T00:00:00Z");
    add(all, "validity: exactly at notBefore (inclusive)", accepted(), () -> {
      Issued root = root().validity(start, end).selfSigned();
      Issued ica = ca().validity(start, end).signedBy(root);
      return chain(root, leaf().validity(start, end).signedBy(ica), ica).at(start);
    });
    add(all, "validity: exactly at notAfter (inclusive)", accepted(), () -> {
      Issued root = root().validity(start, end).selfSigned();
      Issued ica = ca().validity(start, end).signedBy(root);
      return chain(root, leaf().validity(start, end).signedBy(ica), ica).at(end);
    });
    add(all, "validity: 1 ms before a notBefore one second past midnight", invalid(TrustError.NOT_YET_VALID), () -> {
      Instant late = start.plusSeconds(1);
      Issued root = root().validity(late, end).selfSigned();
      Issued ica = ca().validity(late, end).signedBy(root);
      return chain(root, leaf().validity(late, end).signedBy(ica), ica).at(late.minusMillis(1));
    });
    add(all, "validity: 5 ms after notAfter is within the same second", accepted(), () -> {
      Issued root = root().validity(start, end).selfSigned();
      Issued ica = ca().validity(start, end).signedBy(root);
      return chain(root, leaf().validity(start, end).signedBy(ica), ica).at(end.plusMillis(5));
    });
  }

  // ================================================================ basicConstraints and keyUsage

  private static void keyUsageAndBasicConstraints(List<Case> all) {
    add(all, "ku: leaf asserts keyCertSign with cA=FALSE", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued leaf =
          leaf().basicConstraints(false, null, true)
              .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign, false)
              .signedBy(root);
      return chain(root, leaf);
    });
    add(all, "bc: leaf with cA=TRUE", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().basicConstraints(true, null, true).signedBy(root));
    });
    add(all, "bc: CA certificate used as the server certificate", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued caLeaf = ca().subject("CN=ca.example.com").dns("ca.example.com").signedBy(root);
      return chain(root, caLeaf).host("ca.example.com");
    });
    add(all, "bc: CA certificate as server certificate for another name", rejected(), () -> {
      Issued root = root().selfSigned();
      Issued caLeaf = ca().subject("CN=ca.example.com").dns("ca.example.com").signedBy(root);
      return chain(root, caLeaf).host("some-other-ca.example.com");
    });
    add(all, "bc: leaf with explicit cA=FALSE", accepted(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().basicConstraints(false, null, false).signedBy(root));
    });
    add(all, "ku: leaf without keyUsage", accepted(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().noKeyUsage().signedBy(root));
    });
    add(all, "ku: RSA leaf whose keyUsage asserts nothing", invalid(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().keys(CaseCertificates.rsa(2048)).keyUsage(0, true).signedBy(root));
    });
    add(all, "bc: intermediate with cA=FALSE", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().basicConstraints(false, null, true).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "bc: intermediate without basicConstraints", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().noBasicConstraints().signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "ku: intermediate with pathLen 0 but no keyCertSign", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().pathLen(0).keyUsage(0, false).signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "name: leaf with an empty issuer name", rejected(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().issuer("").signedBy(root));
    });
    add(all, "version: X.509 v1 leaf", rejected(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().version1().signedBy(root));
    });
  }

  // ================================================================ pathLenConstraint (RFC 5280 4.2.1.9, 6.1.4(l))

  private static void pathLength(List<Case> all) {
    for (int pathLen = 0; pathLen <= 2; pathLen++) {
      int n = pathLen;
      add(all, "pathlen: intermediate pathLen " + n + " above the leaf", accepted(), () -> {
        Issued root = root().selfSigned();
        Issued ica = ca().pathLen(n).signedBy(root);
        return chain(root, leaf().signedBy(ica), ica);
      });
    }
    add(all, "pathlen: pathLen 0 followed by another CA", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica1 = ca().pathLen(0).signedBy(root);
      Issued ica2 = ca().pathLen(0).signedBy(ica1);
      return chain(root, leaf().signedBy(ica2), ica2, ica1);
    });
    add(all, "pathlen: a later larger pathLen does not lift an earlier one that still holds", accepted(), () -> {
      Issued root = root().selfSigned();
      Issued ica1 = ca().pathLen(1).signedBy(root);
      Issued ica2 = ca().pathLen(2).signedBy(ica1);
      return chain(root, leaf().signedBy(ica2), ica2, ica1);
    });
    add(all, "pathlen: pathLen 1, 0, then a third CA", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica1 = ca().pathLen(1).signedBy(root);
      Issued ica2 = ca().pathLen(0).signedBy(ica1);
      Issued ica3 = ca().pathLen(0).signedBy(ica2);
      return chain(root, leaf().signedBy(ica3), ica3, ica2, ica1);
    });
    add(all, "pathlen: root pathLen 0 directly above the leaf", accepted(), () -> {
      Issued root = root().pathLen(0).selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "pathlen: root pathLen 0 above an intermediate", invalid(), () -> {
      Issued root = root().pathLen(0).selfSigned();
      Issued ica = ca().signedBy(root);
      return chain(root, leaf().signedBy(ica), ica);
    });
    add(all, "pathlen: a self-issued intermediate is not counted (key rollover)", accepted(), () -> {
      Issued root = root().selfSigned();
      Issued first = ca("CN=Case Rollover CA").pathLen(1).signedBy(root);
      Issued rolled = ca("CN=Case Rollover CA").pathLen(1).signedBy(first);
      Issued issuing = ca().pathLen(0).signedBy(rolled);
      return chain(root, leaf().signedBy(issuing), issuing, rolled, first);
    });
    add(all, "pathlen: CA certificate with pathLen 0 in leaf position below pathLen 0", invalid(), () -> {
      Issued root = root().selfSigned();
      Issued ica1 = ca().pathLen(0).signedBy(root);
      Issued ica2 = ca().pathLen(0).dns("example.com").signedBy(ica1);
      return chain(root, ica2, ica1);
    });
  }

  // ================================================================ path building

  private static void pathBuilding(List<Case> all) {
    add(all, "path: intermediate missing", invalid(TrustError.INCOMPLETE_CHAIN), () -> {
      Issued root = root().selfSigned();
      Issued ica = ca().signedBy(root);
      return chain(root, leaf().signedBy(ica));
    });
    add(all, "path: an expired cross-certificate is skipped for the trusted root itself", accepted(), () -> {
      KeyPair rootKeys = CaseCertificates.ec();
      Issued root = root("CN=Case Pain Root").keys(rootKeys).selfSigned();
      Issued root2 = root().selfSigned();
      Issued expiredCross =
          ca("CN=Case Pain Root").keys(rootKeys).pathLen(1)
              .validity(at("1980-01-01"), at("1988-11-25"))
              .signedBy(root2);
      return chain(List.of(root, root2), leaf().signedBy(root), expiredCross);
    });
    add(all, "path: sent chain ends in a cross-sign by an expired root, the new root is trusted",
        accepted(), () -> crossSignExpiry(true));
    add(all, "path: sent chain ends in a cross-sign by an expired root, only that root is trusted",
        invalid(TrustError.EXPIRED), () -> crossSignExpiry(false));
    add(all, "path: twelve certificates (leaf, ten intermediates, root)", accepted(), () -> {
      Issued root = root().selfSigned();
      List<Issued> intermediates = new ArrayList<>();
      Issued parent = root;
      for (int i = 0; i < 10; i++) {
        parent = ca().signedBy(parent);
        intermediates.add(0, parent);
      }
      List<Issued> sent = new ArrayList<>();
      sent.add(leaf().signedBy(parent));
      sent.addAll(intermediates);
      sent.add(root);
      return new Scenario(List.of(root), sent, "example.com", NOW);
    });
    add(all, "path: two CAs signing each other, neither reaching the root", rejected(), () -> {
      Issued root = root().selfSigned();
      KeyPair key1 = CaseCertificates.ec();
      KeyPair key2 = CaseCertificates.ec();
      Issued ica1 = ca("CN=Case Cycle 1").keys(key1).signedBy(key2, "CN=Case Cycle 2");
      Issued ica2 = ca("CN=Case Cycle 2").keys(key2).signedBy(key1, "CN=Case Cycle 1");
      return chain(root, leaf().signedBy(ica1), ica1, ica2);
    });
    add(all, "path: two keys of one CA name signing each other", rejected(), () -> {
      Issued root = root().selfSigned();
      KeyPair key1 = CaseCertificates.ec();
      KeyPair key2 = CaseCertificates.ec();
      Issued ica1 = ca("CN=Case Same Cycle").keys(key1).signedBy(key2, "CN=Case Same Cycle");
      Issued ica2 = ca("CN=Case Same Cycle").keys(key2).signedBy(key1, "CN=Case Same Cycle");
      return chain(root, leaf().signedBy(ica1), ica1, ica2);
    });
    add(all, "path: three mutually cross-signed roots around the real issuer (CVE-2024-0567)", accepted(),
        PathValidationCasesTest::crossSignedMesh);
    add(all, "path: intermediate whose public key does not decode", rejected(), () -> {
      Issued root1 = root().selfSigned();
      Issued root2 = root().selfSigned();
      Issued broken = ca().publicKeyInfo(CaseCertificates.brokenRsaKey()).signedBy(root2);
      Issued leaf = leaf().signedBy(CaseCertificates.ec(), broken.subject().toString());
      return chain(root1, leaf, broken);
    });
  }

  /**
   * The 2021 expiry of a cross-signing root: leaf, issuing CA, and the new root cross-signed by an
   * old root that has expired. Browsers trusting the new root build leaf, issuing CA, new root.
   */
  private static Scenario crossSignExpiry(boolean newRootTrusted) {
    Issued oldRoot = root("CN=Case Old Root X3").validity(at("2000-09-30"), at("2021-09-30")).selfSigned();
    KeyPair newRootKeys = CaseCertificates.ec();
    Issued newRoot =
        root("CN=Case New Root X1").keys(newRootKeys).validity(at("2015-06-04"), at("2035-06-04")).selfSigned();
    Issued crossSigned =
        ca("CN=Case New Root X1").keys(newRootKeys)
            .validity(at("2021-01-20"), at("2024-09-30"))
            .signedBy(oldRoot);
    Issued issuing = ca("CN=Case R3").pathLen(0).validity(at("2020-09-04"), at("2025-09-15")).signedBy(newRoot);
    Issued leaf = leaf().validity(at("2022-03-01"), at("2022-05-30")).signedBy(issuing);
    List<Issued> anchors = newRootTrusted ? List.of(oldRoot, newRoot) : List.of(oldRoot);
    return chain(anchors, leaf, issuing, crossSigned).at(at("2022-04-01"));
  }

  /** Leaf under A1 under root A; A, B and C all cross-sign each other and have subordinates. */
  private static Scenario crossSignedMesh() {
    KeyPair keyA = CaseCertificates.ec();
    KeyPair keyB = CaseCertificates.ec();
    KeyPair keyC = CaseCertificates.ec();
    Issued rootA = root("CN=Case Mesh A").keys(keyA).selfSigned();
    Issued a1 = ca("CN=Case Mesh A1").signedBy(keyA, "CN=Case Mesh A");
    Issued aByB = ca("CN=Case Mesh A").keys(keyA).signedBy(keyB, "CN=Case Mesh B");
    Issued aByC = ca("CN=Case Mesh A").keys(keyA).signedBy(keyC, "CN=Case Mesh C");
    Issued b1 = ca("CN=Case Mesh B1").signedBy(keyB, "CN=Case Mesh B");
    Issued bByA = ca("CN=Case Mesh B").keys(keyB).signedBy(keyA, "CN=Case Mesh A");
    Issued bByC = ca("CN=Case Mesh B").keys(keyB).signedBy(keyC, "CN=Case Mesh C");
    Issued c1 = ca("CN=Case Mesh C1").signedBy(keyC, "CN=Case Mesh C");
    Issued cByA = ca("CN=Case Mesh C").keys(keyC).signedBy(keyA, "CN=Case Mesh A");
    Issued cByB = ca("CN=Case Mesh C").keys(keyC).signedBy(keyB, "CN=Case Mesh B");
    Issued leaf =
        leaf().subject("").san(true, dnsName("cve-2024-0567.example.com")).signedBy(a1);
    return chain(rootA, leaf, a1, aByB, aByC, b1, bByA, bByC, c1, cByA, cByB)
        .host("cve-2024-0567.example.com");
  }

  // ================================================================ host names (RFC 6125 6.4, RFC 9525)

  private static void hostNames(List<Case> all) {
    hostCase(all, "host: exact SAN", "example.com", "example.com", true);
    hostCase(all, "host: other domain", "example.com", "example2.com", false);
    hostCase(all, "host: sibling subdomain", "abc.example.com", "def.example.com", false);
    hostCase(all, "host: apex SAN, subdomain asked", "example.com", "abc.example.com", false);
    hostCase(all, "host: subdomain SAN, apex asked", "abc.example.com", "example.com", false);
    hostCase(all, "host: case-insensitive", "Example.COM", "example.com", true);
    hostCase(all, "host: left-most wildcard", "*.example.com", "foo.example.com", true);
    hostCase(all, "host: wildcard spans one label only", "*.example.com", "foo.bar.example.com", false);
    hostCase(all, "host: wildcard does not match the apex", "*.example.com", "example.com", false);
    hostCase(all, "host: partial-label wildcard", "ba*.example.com", "baz.example.com", false);
    hostCase(all, "host: wildcard not left-most", "foo.*.example.com", "foo.bar.example.com", false);
    hostCase(all, "host: wildcard inside an A-label", "xn--*-1b3c148a.example.com",
        "xn--bliss-1b3c148a.example.com", false);
    hostCase(all, "host: wildcard directly under a public suffix (*.com)", "*.com", "example.com", false);
    hostCase(all, "host: wildcard directly under a multi-label public suffix (*.co.uk)", "*.co.uk",
        "example.co.uk", false);
    hostCase(all, "host: wildcard under a registrable domain of a multi-label suffix", "*.example.co.uk",
        "www.example.co.uk", true);
    add(all, "host: SAN dNSName with raw UTF-8 never matches its A-label", nameMismatch(), () -> {
      Issued root = root().selfSigned();
      Issued leaf =
          leaf().subject("CN=xn--628h.example.com").san(false, CaseCertificates.rawDnsName("\uD83D\uDE1C.example.com"))
              .signedBy(root);
      return chain(root, leaf).host("xn--628h.example.com");
    });
    add(all, "host: no SAN, name only in the common name", nameMismatch(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().noSan().signedBy(root));
    });
    add(all, "host: IP SAN 127.0.0.1", accepted(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().subject("CN=127.0.0.1").ips("127.0.0.1").signedBy(root)).host("127.0.0.1");
    });
    add(all, "host: IP only in the common name, not in the SANs", nameMismatch(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().subject("CN=192.168.1.1").signedBy(root)).host("192.168.1.1");
    });
    add(all, "host: IPv6 SAN matches the compressed literal", accepted(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().subject("CN=2001:db8::1").ips("2001:db8::1").signedBy(root)).host("2001:db8::1");
    });
    add(all, "host: an IP literal is not matched against dNSNames", nameMismatch(), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().subject("CN=192.0.2.1").dns("192.0.2.1").signedBy(root)).host("192.0.2.1");
    });
  }

  private static void hostCase(List<Case> all, String name, String san, String host, boolean matches) {
    add(all, name, matches ? accepted() : nameMismatch(), () -> {
      Issued root = root().selfSigned();
      String cn = san.startsWith("*") ? "CN=" + san : "CN=" + san.toLowerCase(java.util.Locale.ROOT);
      return chain(root, leaf().subject(cn).dns(san).signedBy(root)).host(host);
    });
  }

  // ================================================================ Baseline Requirements rules browsers tolerate

  private static void browserToleratedLints(List<Case> all) {
    cnCase(all, "lint: common name not among the SANs", "CN=notinsan.example.com",
        new String[] {"valid.example.com", "another.example.com"}, null, "valid.example.com");
    cnCase(all, "lint: common name differs from the SAN in case", "CN=Example.COM",
        new String[] {"example.com"}, null, "example.com");
    cnCase(all, "lint: common name IPv4 in hexadecimal", "CN=0xC0A80101", null, "192.168.1.1", "192.168.1.1");
    cnCase(all, "lint: common name IPv4 with leading zeros", "CN=192.168.001.001", null, "192.168.1.1",
        "192.168.1.1");
    cnCase(all, "lint: common name IPv6 in upper case", "CN=2001:DB8::8A2E:370:7334", null,
        "2001:db8::8a2e:370:7334", "2001:db8::8a2e:370:7334");
    cnCase(all, "lint: common name IPv6 uncompressed", "CN=2001:0db8:0000:0000:0000:0000:0000:0001", null,
        "2001:db8::1", "2001:db8::1");
    cnCase(all, "lint: common name IPv6 not compressed at the first longest zero run",
        "CN=2001:db8:0:0:1:0:0:1", null, "2001:db8::1:0:0:1", "2001:db8::1:0:0:1");
    cnCase(all, "lint: common name a different punycode domain", "CN=xn--nxasmq6b.com",
        new String[] {"xn--n3h.com"}, null, "xn--n3h.com");
    cnCase(all, "lint: common name in Unicode, SAN in punycode", "CN=test-\u6e2c\u8a66.com",
        new String[] {"xn--test--wg5h0h.com"}, null, "xn--test--wg5h0h.com");
    add(all, "lint: common name equal to a SAN needs no lint", acceptedWithout(LINT_CN), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().signedBy(root));
    });
    add(all, "lint: serial number zero", acceptedWith(LINT_SERIAL), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().serial(BigInteger.ZERO).signedBy(root));
    });
    add(all, "lint: negative serial number", acceptedWith(LINT_SERIAL), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().serial(BigInteger.valueOf(-4242)).signedBy(root));
    });
    add(all, "lint: serial number of 22 octets", acceptedWith(LINT_SERIAL), () -> {
      Issued root = root().selfSigned();
      BigInteger serial = BigInteger.ONE.shiftLeft(8 * 22 - 2).add(BigInteger.valueOf(12345));
      return chain(root, leaf().serial(serial).signedBy(root));
    });
    add(all, "lint: serial number of 20 octets needs no lint", acceptedWithout(LINT_SERIAL), () -> {
      Issued root = root().selfSigned();
      BigInteger serial = BigInteger.ONE.shiftLeft(8 * 20 - 2).add(BigInteger.valueOf(12345));
      return chain(root, leaf().serial(serial).signedBy(root));
    });
    add(all, "lint: underscore in a SAN dNSName", acceptedWith(LINT_UNDERSCORE), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().dns("example.com", "foo_bar.example.com").signedBy(root));
    });
    add(all, "lint: underscore in the host's own SAN label still matches", acceptedWith(LINT_UNDERSCORE), () -> {
      Issued root = root().selfSigned();
      return chain(root, leaf().subject("CN=my_host.example.com").dns("my_host.example.com").signedBy(root))
          .host("my_host.example.com");
    });
  }

  private static void cnCase(
      List<Case> all, String name, String subject, String[] dnsNames, String ip, String host) {
    add(all, name, acceptedWith(LINT_CN), () -> {
      Issued root = root().selfSigned();
      CaseCertificates.Spec leaf = leaf().subject(subject);
      if (dnsNames != null) {
        leaf.dns(dnsNames);
      } else {
        leaf.ips(ip);
      }
      return chain(root, leaf.signedBy(root)).host(host);
    });
  }

  // ================================================================ plumbing

  private static ASN1Encodable aia() {
    return new AuthorityInformationAccess(
        new AccessDescription(
            AccessDescription.id_ad_caIssuers,
            new GeneralName(GeneralName.uniformResourceIdentifier, "http://example.com/ca.der")));
  }

  private static ASN1Encodable requireExplicitPolicy(int skip) {
    return new DERSequence(new DERTaggedObject(false, 0, new ASN1Integer(skip)));
  }

  private static Instant at(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }

  private static Scenario chain(Issued anchor, Issued leaf, Issued... intermediates) {
    return chain(List.of(anchor), leaf, intermediates);
  }

  private static Scenario chain(List<Issued> anchors, Issued leaf, Issued... intermediates) {
    List<Issued> sent = new ArrayList<>();
    sent.add(leaf);
    sent.addAll(Arrays.asList(intermediates));
    return new Scenario(anchors, sent, "example.com", NOW);
  }

  private static void add(List<Case> all, String name, Expect expect, Supplier<Scenario> scenario) {
    all.add(new Case(name, expect, scenario));
  }

  /** What the analyzer is handed: anchors, the chain as sent (peer first), host and time. */
  record Scenario(List<Issued> anchors, List<Issued> sent, String host, Instant time) {
    Scenario host(String host) {
      return new Scenario(anchors, sent, host, time);
    }

    Scenario at(Instant time) {
      return new Scenario(anchors, sent, host, time);
    }
  }

  record Case(String name, Expect expect, Supplier<Scenario> scenario) {
    @Override
    public String toString() {
      return name + " -> " + expect;
    }
  }

  private enum Kind {
    ACCEPTED,
    /** Not trusted, with the given trust errors (INVALID_CHAIN when none is named) and an issue. */
    INVALID,
    /** Not accepted, for whatever reason. */
    REJECTED,
    /** The chain may be fine, but the host name does not match. */
    NAME_MISMATCH
  }

  static Expect accepted() {
    return new Expect(Kind.ACCEPTED, Set.of(), null, null);
  }

  static Expect acceptedWith(String issueId) {
    return new Expect(Kind.ACCEPTED, Set.of(), issueId, null);
  }

  /** Accepted, with some {@code cert.lint.*} finding. */
  static Expect acceptedWithLint() {
    return new Expect(Kind.ACCEPTED, Set.of(), "cert.lint.", null);
  }

  static Expect acceptedWithout(String issueId) {
    return new Expect(Kind.ACCEPTED, Set.of(), null, issueId);
  }

  static Expect invalid(TrustError... errors) {
    Set<TrustError> required = errors.length == 0 ? Set.of(TrustError.INVALID_CHAIN) : Set.of(errors);
    return new Expect(Kind.INVALID, required, null, null);
  }

  static Expect rejected() {
    return new Expect(Kind.REJECTED, Set.of(), null, null);
  }

  static Expect nameMismatch() {
    return new Expect(Kind.NAME_MISMATCH, Set.of(), null, null);
  }

  record Expect(Kind kind, Set<TrustError> errors, String issue, String absentIssue) {
    boolean accepted() {
      return kind == Kind.ACCEPTED;
    }

    void check(CertificateReport report) {
      String facts =
          "trustErrors=" + report.trustErrors() + ", hostname=" + report.hostnameMatch() + ", issues="
              + report.issues().stream().map(i -> i.id() + ": " + i.message()).collect(Collectors.joining("; "));
      switch (kind) {
        case ACCEPTED -> {
          assertThat(report.trustErrors()).as(facts).isEmpty();
          assertThat(report.hostnameMatch()).as(facts).isEqualTo(HostnameMatch.MATCH);
          if (issue != null && issue.endsWith(".")) {
            assertThat(report.issues()).as(facts).extracting(CertificateIssue::id)
                .anySatisfy(id -> assertThat(id).startsWith(issue));
          } else if (issue != null) {
            assertThat(report.issues()).as(facts).extracting(CertificateIssue::id).contains(issue);
          }
          if (absentIssue != null) {
            assertThat(report.issues()).as(facts).extracting(CertificateIssue::id).doesNotContain(absentIssue);
          }
        }
        case INVALID -> {
          assertThat(report.trusted()).as(facts).isFalse();
          assertThat(report.trustErrors()).as(facts).containsAll(errors);
          assertThat(report.issues()).as(facts).isNotEmpty();
        }
        case REJECTED -> assertThat(report.trusted() && report.hostnameMatch() == HostnameMatch.MATCH)
            .as(facts).isFalse();
        case NAME_MISMATCH -> assertThat(report.hostnameMatch()).as(facts).isNotEqualTo(HostnameMatch.MATCH);
      }
    }

    @Override
    public String toString() {
      return switch (kind) {
        case ACCEPTED -> "accepted" + (issue != null ? " with " + issue : "")
            + (absentIssue != null ? " without " + absentIssue : "");
        case INVALID -> "rejected " + errors;
        case REJECTED -> "rejected";
        case NAME_MISMATCH -> "name mismatch";
      };
    }
  }
}
