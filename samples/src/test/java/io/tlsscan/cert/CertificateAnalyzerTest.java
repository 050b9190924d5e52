package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CertificateInfo;
import io.tlsscan.model.CertificateIssue;
import io.tlsscan.model.CertificateReport;
import io.tlsscan.model.HostnameMatch;
import io.tlsscan.model.KeyInfo;
import io.tlsscan.model.Severity;
import io.tlsscan.model.TrustError;
import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;
import io.tlsscan.samples.pki.TestPki.KeyType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Chains made with {@link TestPki}, each with the flaw a user would want reported. */
class CertificateAnalyzerTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private static final Issued ROOT = TestPki.certificate("CN=Test Root").ca().selfSigned();
  private static final Issued INTERMEDIATE =
      TestPki.certificate("CN=Test Intermediate").ca().issuedBy(ROOT);
  private static final Issued LEAF =
      TestPki.certificate("CN=good.test")
          .dns("good.test", "www.good.test")
          .validity(NOW.minus(days(10)), NOW.plus(days(80)))
          .issuedBy(INTERMEDIATE);

  private final CertificateAnalyzer analyzer =
      new CertificateAnalyzer(TrustAnchors.of(List.of(ROOT.certificate())));

  @Test
  void goodChainIsTrustedAndDescribed() throws Exception {
    // When the server sends leaf and intermediate, and the root is a trust anchor
    CertificateReport report = analyze("good.test", LEAF, INTERMEDIATE);

    // Then it is trusted, names the host and has nothing to report
    assertThat(report.trusted()).isTrue();
    assertThat(report.trustErrors()).isEmpty();
    assertThat(report.hostnameMatch()).isEqualTo(HostnameMatch.MATCH);
    assertThat(report.issues()).isEmpty();
    assertThat(report.chain()).hasSize(2);
    CertificateInfo leaf = report.chain().get(0);
    assertThat(leaf.subject()).isEqualTo("CN=good.test");
    assertThat(leaf.issuer()).isEqualTo("CN=Test Intermediate");
    assertThat(leaf.serial()).isEqualTo(LEAF.certificate().getSerialNumber().toString(16));
    assertThat(leaf.notBefore()).isEqualTo(NOW.minus(days(10)));
    assertThat(leaf.notAfter()).isEqualTo(NOW.plus(days(80)));
    assertThat(leaf.daysLeft()).isEqualTo(80);
    assertThat(leaf.key()).isEqualTo(new KeyInfo("EC", 256, "secp256r1", spki(LEAF)));
    assertThat(leaf.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
    assertThat(leaf.san()).containsExactly("good.test", "www.good.test");
    assertThat(leaf.sanTruncated()).isFalse();
    assertThat(leaf.sha256()).isEqualTo(sha256(LEAF));
    assertThat(leaf.selfSigned()).isFalse();
    assertThat(leaf.ca()).isFalse();
    CertificateInfo intermediate = report.chain().get(1);
    assertThat(intermediate.subject()).isEqualTo("CN=Test Intermediate");
    assertThat(intermediate.ca()).isTrue();
    assertThat(intermediate.selfSigned()).isFalse();
  }

  @Test
  void sentRootIsReportedAsSelfSignedAndTrusted() {
    CertificateReport report = analyze("good.test", LEAF, INTERMEDIATE, ROOT);

    assertThat(report.trustErrors()).isEmpty();
    assertThat(report.issues()).isEmpty();
    assertThat(report.chain().get(2).selfSigned()).isTrue();
    assertThat(report.chain().get(2).ca()).isTrue();
  }

  @Test
  void misorderedChainIsTrustedWithANote() {
    CertificateReport report = analyze("good.test", LEAF, ROOT, INTERMEDIATE);

    assertThat(report.trustErrors()).isEmpty();
    assertThat(report.chain())
        .extracting(CertificateInfo::subject)
        .containsExactly("CN=good.test", "CN=Test Root", "CN=Test Intermediate");
    assertThat(report.issues())
        .extracting(CertificateIssue::id)
        .containsExactly("cert.chain_misordered");
    assertThat(report.issues().get(0).severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void unrelatedExtraCertificateIsIgnoredButNoted() {
    Issued stranger = TestPki.certificate("CN=Stranger").dns("stranger.test").issuedBy(ROOT);

    CertificateReport report = analyze("good.test", LEAF, stranger, INTERMEDIATE);

    assertThat(report.trustErrors()).isEmpty();
    assertThat(report.chain()).hasSize(3);
    assertThat(report.issues())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.id()).isEqualTo("cert.chain_extra");
              assertThat(issue.message()).contains("CN=Stranger");
            });
  }

  @Test
  void missingIntermediateIsAnIncompleteChainNamingTheIssuer() {
    CertificateReport report = analyze("good.test", LEAF);

    assertThat(report.trustErrors()).containsExactly(TrustError.INCOMPLETE_CHAIN);
    assertThat(issue(report, "cert.incomplete_chain").message())
        .isEqualTo(
            "chain is incomplete: the issuer of CN=good.test, CN=Test Intermediate, was not sent"
                + " and is not a trusted root");
    assertThat(report.hostnameMatch()).isEqualTo(HostnameMatch.MATCH);
  }

  @Test
  void rootThatIsNotAnAnchorIsUntrusted() {
    CertificateAnalyzer trustsNothing = new CertificateAnalyzer(TrustAnchors.of(List.of()));

    CertificateReport report =
        trustsNothing.analyze(ders(LEAF, INTERMEDIATE, ROOT), "good.test", NOW);

    assertThat(report.trustErrors()).containsExactly(TrustError.UNTRUSTED_ROOT);
    assertThat(issue(report, "cert.untrusted_root").message())
        .isEqualTo("chain ends at CN=Test Root, which is not a trusted root");
  }

  @Test
  void selfSignedLeafIsSelfSignedOnly() {
    Issued self = TestPki.certificate("CN=self.test").dns("self.test").selfSigned();

    CertificateReport report = analyze("self.test", self);

    assertThat(report.trustErrors()).containsExactly(TrustError.SELF_SIGNED);
    assertThat(report.chain().get(0).selfSigned()).isTrue();
    assertThat(issue(report, "cert.self_signed").message())
        .isEqualTo("certificate CN=self.test is self-signed and not a trusted root");
    assertThat(report.hostnameMatch()).isEqualTo(HostnameMatch.MATCH);
  }

  @Test
  void selfSignedLeafThatIsAnAnchorIsTrusted() {
    // Given the user passed the server's own certificate with --ca-file
    Issued self = TestPki.certificate("CN=self.test").dns("self.test").selfSigned();
    CertificateAnalyzer pinned =
        new CertificateAnalyzer(TrustAnchors.of(List.of(self.certificate())));

    CertificateReport report = pinned.analyze(ders(self), "self.test", NOW);

    assertThat(report.trustErrors()).isEmpty();
  }

  @Test
  void expiredLeafSaysHowLongAgo() {
    Instant end = NOW.minus(days(3));
    Issued expired =
        TestPki.certificate("CN=expired.test")
            .dns("expired.test")
            .validity(end.minus(days(90)), end)
            .issuedBy(INTERMEDIATE);

    CertificateReport report = analyze("expired.test", expired, INTERMEDIATE);

    assertThat(report.trustErrors()).containsExactly(TrustError.EXPIRED);
    assertThat(report.chain().get(0).daysLeft()).isEqualTo(-3);
    CertificateIssue issue = issue(report, "cert.expired");
    assertThat(issue.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(issue.message()).isEqualTo("certificate expired 3 days ago (" + date(end) + ")");
  }

  @Test
  void expiredIntermediateIsExpired() {
    Issued oldIntermediate =
        TestPki.certificate("CN=Old Intermediate")
            .ca()
            .validity(NOW.minus(days(95)), NOW.minus(days(5)))
            .issuedBy(ROOT);
    Issued leaf = TestPki.certificate("CN=good.test").dns("good.test").issuedBy(oldIntermediate);

    CertificateReport report = analyze("good.test", leaf, oldIntermediate);

    assertThat(report.trustErrors()).containsExactly(TrustError.EXPIRED);
    assertThat(issue(report, "cert.expired").message())
        .startsWith("CA certificate CN=Old Intermediate expired 5 days ago");
  }

  @Test
  void expiredTrustAnchorIsNotTrusted() {
    // Given a root in the trust store that has expired (browsers enforce an anchor's validity)
    Issued oldRoot = TestPki.certificate("CN=Old Root").ca().expiredDaysAgo(1).selfSigned();
    Issued leaf = TestPki.certificate("CN=good.test").dns("good.test").issuedBy(oldRoot);
    CertificateAnalyzer trustsOldRoot =
        new CertificateAnalyzer(TrustAnchors.of(List.of(oldRoot.certificate())));

    CertificateReport report = trustsOldRoot.analyze(ders(leaf, oldRoot), "good.test", NOW);

    // Then the leaf it issued is not trusted, and the message names the anchor
    assertThat(report.trustErrors()).containsExactly(TrustError.EXPIRED);
    assertThat(report.issues())
        .extracting(CertificateIssue::message)
        .anyMatch(message -> message.startsWith("trust anchor CN=Old Root expired"));
  }

  @Test
  void anchorsSharingANameAreToldApartByKey() {
    // Given two trusted roots with the same name (a key rollover)
    Issued oldTwin = TestPki.certificate("CN=Twin Root").ca().selfSigned();
    Issued newTwin = TestPki.certificate("CN=Twin Root").ca().selfSigned();
    CertificateAnalyzer both =
        new CertificateAnalyzer(
            TrustAnchors.of(List.of(oldTwin.certificate(), newTwin.certificate())));

    // Then leaves from either one are trusted
    for (Issued root : List.of(oldTwin, newTwin)) {
      Issued leaf = TestPki.certificate("CN=twin.test").dns("twin.test").issuedBy(root);
      assertThat(both.analyze(ders(leaf), "twin.test", NOW).trustErrors()).isEmpty();
    }
  }

  @Test
  void notYetValidLeaf() {
    Instant start = NOW.plus(days(2));
    Issued future =
        TestPki.certificate("CN=future.test")
            .dns("future.test")
            .validity(start, start.plus(days(90)))
            .issuedBy(INTERMEDIATE);

    CertificateReport report = analyze("future.test", future, INTERMEDIATE);

    assertThat(report.trustErrors()).containsExactly(TrustError.NOT_YET_VALID);
    assertThat(issue(report, "cert.not_yet_valid").message())
        .isEqualTo("certificate is not valid until " + date(start) + " (in 2 days)");
  }

  @Test
  void leafExpiringWithin30DaysIsNotedButTrusted() {
    Instant end = NOW.plus(days(10));
    Issued soon =
        TestPki.certificate("CN=soon.test")
            .dns("soon.test")
            .validity(NOW.minus(days(80)), end)
            .issuedBy(INTERMEDIATE);

    CertificateReport report = analyze("soon.test", soon, INTERMEDIATE);

    assertThat(report.trustErrors()).isEmpty();
    CertificateIssue issue = issue(report, "cert.expiring_soon");
    assertThat(issue.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(issue.message()).isEqualTo("certificate expires in 10 days (" + date(end) + ")");
  }

  @Test
  void rsa1024LeafIsAWeakKey() {
    Issued weak =
        TestPki.certificate("CN=weak.test")
            .dns("weak.test")
            .key(KeyType.RSA_1024)
            .issuedBy(INTERMEDIATE);

    CertificateReport report = analyze("weak.test", weak, INTERMEDIATE);

    assertThat(report.trustErrors()).containsExactly(TrustError.WEAK_KEY);
    assertThat(report.chain().get(0).key()).isEqualTo(new KeyInfo("RSA", 1024, null, spki(weak)));
    assertThat(issue(report, "cert.weak_key").message())
        .isEqualTo("RSA 1024-bit key on CN=weak.test");
  }

  @Test
  void ecP192LeafIsAWeakKey() {
    Issued weak =
        TestPki.certificate("CN=p192.test")
            .dns("p192.test")
            .key(KeyType.EC_P192)
            .issuedBy(INTERMEDIATE);

    CertificateReport report = analyze("p192.test", weak, INTERMEDIATE);

    assertThat(report.trustErrors()).containsExactly(TrustError.WEAK_KEY);
    assertThat(report.chain().get(0).key()).isEqualTo(new KeyInfo("EC", 192, "secp192r1", spki(weak)));
    assertThat(issue(report, "cert.weak_key").message())
        .isEqualTo("EC 192-bit key on CN=p192.test");
  }

  @Test
  void p384KeysAreNamedAndNotWeak() {
    Issued leaf =
        TestPki.certificate("CN=p384.test")
            .dns("p384.test")
            .key(KeyType.EC_P384)
            .issuedBy(INTERMEDIATE);

    CertificateReport report = analyze("p384.test", leaf, INTERMEDIATE);

    assertThat(report.trustErrors()).isEmpty();
    assertThat(report.chain().get(0).key()).isEqualTo(new KeyInfo("EC", 384, "secp384r1", spki(leaf)));
  }

  @Test
  void sha1SignedLeafIsAWeakSignature() {
    Issued sha1 =
        TestPki.certificate("CN=sha1.test")
            .dns("sha1.test")
            .signatureHash("SHA1")
            .issuedBy(INTERMEDIATE);

    CertificateReport report = analyze("sha1.test", sha1, INTERMEDIATE);

    assertThat(report.trustErrors()).containsExactly(TrustError.WEAK_SIGNATURE);
    assertThat(report.chain().get(0).signatureAlgorithm()).isEqualTo("SHA1withECDSA");
    assertThat(issue(report, "cert.weak_signature").message())
        .isEqualTo("CN=sha1.test is signed with SHA1withECDSA (SHA-1)");
  }

  @Test
  void sha1SelfSignatureOfARootDoesNotCount() {
    Issued sha1Root = TestPki.certificate("CN=SHA1 Root").ca().signatureHash("SHA1").selfSigned();
    Issued leaf = TestPki.certificate("CN=good.test").dns("good.test").issuedBy(sha1Root);
    CertificateAnalyzer untrusting = new CertificateAnalyzer(TrustAnchors.of(List.of()));

    CertificateReport report = untrusting.analyze(ders(leaf, sha1Root), "good.test", NOW);

    assertThat(report.trustErrors()).containsExactly(TrustError.UNTRUSTED_ROOT);
  }

  @Test
  void intermediateThatIsNotACaMakesTheChainInvalid() {
    Issued notCa = TestPki.certificate("CN=Not A CA").issuedBy(ROOT);
    Issued leaf = TestPki.certificate("CN=good.test").dns("good.test").issuedBy(notCa);

    CertificateReport report = analyze("good.test", leaf, notCa);

    assertThat(report.trustErrors()).containsExactly(TrustError.INVALID_CHAIN);
    assertThat(issue(report, "cert.invalid_chain").message())
        .isEqualTo("CN=Not A CA issued CN=good.test but is not a CA (basicConstraints)");
  }

  @Test
  void signatureFromAnImpostorIntermediateMakesTheChainInvalid() {
    // Given a leaf signed by a different key that uses the intermediate's name
    Issued impostor = TestPki.certificate("CN=Test Intermediate").ca().issuedBy(ROOT);
    Issued leaf = TestPki.certificate("CN=good.test").dns("good.test").issuedBy(impostor);

    // When the server sends the genuine intermediate with it
    CertificateReport report = analyze("good.test", leaf, INTERMEDIATE);

    // Then the signature does not verify
    assertThat(report.trustErrors()).containsExactly(TrustError.INVALID_CHAIN);
    assertThat(issue(report, "cert.invalid_chain").message())
        .isEqualTo(
            "signature of CN=good.test does not verify with the key of its issuer"
                + " CN=Test Intermediate");
  }

  @Test
  void pathLengthConstraintIsEnforced() {
    Issued limited = TestPki.certificate("CN=Limited CA").ca(0).issuedBy(ROOT);
    Issued sub = TestPki.certificate("CN=Sub CA").ca().issuedBy(limited);
    Issued leaf = TestPki.certificate("CN=good.test").dns("good.test").issuedBy(sub);

    CertificateReport report = analyze("good.test", leaf, sub, limited);

    assertThat(report.trustErrors()).containsExactly(TrustError.INVALID_CHAIN);
    assertThat(issue(report, "cert.invalid_chain").message()).contains("pathLenConstraint");
  }

  @Test
  void severalErrorsComeOnceEachInStableOrder() {
    // Given an expired, SHA-1 signed RSA-1024 leaf from an intermediate that was not sent
    Issued bad =
        TestPki.certificate("CN=bad.test")
            .dns("bad.test")
            .key(KeyType.RSA_1024)
            .signatureHash("SHA1")
            .expiredDaysAgo(1)
            .issuedBy(INTERMEDIATE);
    Issued badToo =
        TestPki.certificate("CN=Sub").ca().expiredDaysAgo(2).signatureHash("SHA1").issuedBy(ROOT);

    CertificateReport report = analyze("other.test", bad, badToo);

    assertThat(report.trustErrors())
        .containsExactly(
            TrustError.EXPIRED,
            TrustError.INCOMPLETE_CHAIN,
            TrustError.WEAK_KEY,
            TrustError.WEAK_SIGNATURE);
    assertThat(report.hostnameMatch()).isEqualTo(HostnameMatch.MISMATCH);
  }

  @Test
  void wildcardCoversExactlyOneLabel() {
    Issued wildcard = TestPki.certificate("CN=wild").dns("*.wild.test").issuedBy(INTERMEDIATE);

    assertThat(analyze("a.wild.test", wildcard, INTERMEDIATE).hostnameMatch())
        .isEqualTo(HostnameMatch.MATCH);
    assertThat(analyze("A.Wild.Test.", wildcard, INTERMEDIATE).hostnameMatch())
        .isEqualTo(HostnameMatch.MATCH);
    assertThat(analyze("wild.test", wildcard, INTERMEDIATE).hostnameMatch())
        .isEqualTo(HostnameMatch.MISMATCH);
    CertificateReport deep = analyze("a.b.wild.test", wildcard, INTERMEDIATE);
    assertThat(deep.hostnameMatch()).isEqualTo(HostnameMatch.MISMATCH);
    assertThat(deep.trustErrors()).as("a name mismatch is not a trust error").isEmpty();
    CertificateIssue mismatch = issue(deep, "cert.hostname_mismatch");
    assertThat(mismatch.severity()).isEqualTo(Severity.HIGH);
    assertThat(mismatch.message())
        .isEqualTo("certificate does not match host a.b.wild.test; it names *.wild.test");
  }

  @Test
  void partialWildcardNeverMatches() {
    Issued partial = TestPki.certificate("CN=partial").dns("f*.wild.test").issuedBy(INTERMEDIATE);

    assertThat(analyze("foo.wild.test", partial, INTERMEDIATE).hostnameMatch())
        .isEqualTo(HostnameMatch.MISMATCH);
  }

  @Test
  void ipAddressHostsMatchIpAddressSans() {
    Issued ips =
        TestPki.certificate("CN=127.0.0.1")
            .dns("127.0.0.2")
            .ip("127.0.0.1", "::1")
            .issuedBy(INTERMEDIATE);

    assertThat(analyze("127.0.0.1", ips, INTERMEDIATE).hostnameMatch())
        .isEqualTo(HostnameMatch.MATCH);
    assertThat(analyze("::1", ips, INTERMEDIATE).hostnameMatch()).isEqualTo(HostnameMatch.MATCH);
    assertThat(analyze("[0:0:0::1]", ips, INTERMEDIATE).hostnameMatch())
        .isEqualTo(HostnameMatch.MATCH);
    assertThat(analyze("127.0.0.2", ips, INTERMEDIATE).hostnameMatch())
        .as("a dNSName holding an IP literal does not count")
        .isEqualTo(HostnameMatch.MISMATCH);
    assertThat(analyze("::1", ips, INTERMEDIATE).chain().get(0).san())
        .containsExactly("127.0.0.2", "127.0.0.1", "::1");
  }

  @Test
  void certificateWithoutSanDoesNotMatchItsCn() {
    Issued cnOnly = TestPki.certificate("CN=legacy.test").issuedBy(INTERMEDIATE);

    CertificateReport report = analyze("legacy.test", cnOnly, INTERMEDIATE);

    assertThat(report.hostnameMatch()).isEqualTo(HostnameMatch.MISMATCH);
    assertThat(report.trustErrors()).isEmpty();
    assertThat(issue(report, "cert.no_san").message())
        .isEqualTo(
            "certificate has no subjectAltName; the CN is not used for name checks (RFC 6125)");
    assertThat(issue(report, "cert.hostname_mismatch").message())
        .isEqualTo(
            "certificate does not match host legacy.test; it names no DNS names or IP addresses");
  }

  @Test
  void sanListIsCappedAt1000ButAllNamesAreChecked() {
    String[] names =
        IntStream.range(0, 1001).mapToObj(i -> "host" + i + ".test").toArray(String[]::new);
    Issued many = TestPki.certificate("CN=many").dns(names).issuedBy(INTERMEDIATE);

    CertificateReport report = analyze("host1000.test", many, INTERMEDIATE);

    CertificateInfo leaf = report.chain().get(0);
    assertThat(leaf.san()).hasSize(1000);
    assertThat(leaf.san().get(999)).isEqualTo("host999.test");
    assertThat(leaf.sanTruncated()).isTrue();
    assertThat(report.hostnameMatch()).isEqualTo(HostnameMatch.MATCH);
  }

  @Test
  void unparseableIntermediateIsNamedButTheRestIsAnalyzed() {
    List<byte[]> chain = new ArrayList<>(ders(LEAF));
    chain.add(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01});
    chain.add(INTERMEDIATE.der());

    CertificateReport report = analyzer.analyze(chain, "good.test", NOW);

    assertThat(report.trustErrors()).containsExactly(TrustError.INVALID_CHAIN);
    assertThat(issue(report, "cert.invalid_chain").message())
        .startsWith("certificate 2 of 3 as sent cannot be parsed");
    assertThat(report.chain())
        .extracting(CertificateInfo::subject)
        .containsExactly("CN=good.test", "CN=Test Intermediate");
    assertThat(report.hostnameMatch()).isEqualTo(HostnameMatch.MATCH);
  }

  @Test
  void chainOfMoreThan16CertificatesIsCut() {
    List<byte[]> chain = new ArrayList<>(ders(LEAF, INTERMEDIATE));
    for (int i = 0; i < 18; i++) {
      chain.add(ROOT.der());
    }

    CertificateReport report = analyzer.analyze(chain, "good.test", NOW);

    assertThat(report.chain()).hasSize(16);
    assertThat(report.trustErrors()).isEmpty();
    assertThat(issue(report, "cert.chain_too_long").message())
        .isEqualTo("server sent 20 certificates; only the first 16 were analyzed");
  }

  @Test
  void repeatedIntermediatesAreVerifiedOnce() {
    // Given an analyzer with its own signature cache
    SignatureVerifier verifier = new SignatureVerifier(SignatureVerifier.DEFAULT_CAPACITY);
    CertificateAnalyzer cached =
        new CertificateAnalyzer(TrustAnchors.of(List.of(ROOT.certificate())), verifier);
    cached.analyze(ders(LEAF, INTERMEDIATE, ROOT), "good.test", NOW);
    int afterFirst = verifier.size();

    // When the same chain is analyzed again, and then another leaf of the same intermediate
    cached.analyze(ders(LEAF, INTERMEDIATE, ROOT), "good.test", NOW);
    int afterRepeat = verifier.size();
    Issued other = TestPki.certificate("CN=other.test").dns("other.test").issuedBy(INTERMEDIATE);
    cached.analyze(ders(other, INTERMEDIATE, ROOT), "other.test", NOW);

    // Then only the new leaf's signature needed checking
    assertThat(afterRepeat).isEqualTo(afterFirst);
    assertThat(verifier.size()).isEqualTo(afterFirst + 1);
  }

  @Test
  void signatureCacheStaysBounded() {
    SignatureVerifier verifier = new SignatureVerifier(3);
    CertificateAnalyzer cached =
        new CertificateAnalyzer(TrustAnchors.of(List.of(ROOT.certificate())), verifier);

    for (int i = 0; i < 5; i++) {
      Issued leaf =
          TestPki.certificate("CN=n" + i + ".test").dns("n" + i + ".test").issuedBy(INTERMEDIATE);
      assertThat(cached.analyze(ders(leaf, INTERMEDIATE), "n" + i + ".test", NOW).trusted())
          .isTrue();
    }

    assertThat(verifier.size()).isEqualTo(3);
  }

  @Test
  void sharedAnalyzerGivesTheSameAnswerOnManyThreads() {
    List<byte[]> good = ders(LEAF, INTERMEDIATE);
    CertificateReport expected = analyzer.analyze(good, "good.test", NOW);

    List<CertificateReport> reports =
        IntStream.range(0, 64)
            .parallel()
            .mapToObj(i -> analyzer.analyze(good, "good.test", NOW))
            .toList();

    assertThat(reports).allSatisfy(report -> assertThat(report).isEqualTo(expected));
  }

  private CertificateReport analyze(String host, Issued... chain) {
    return analyzer.analyze(ders(chain), host, NOW);
  }

  private static List<byte[]> ders(Issued... chain) {
    return java.util.Arrays.stream(chain).map(Issued::der).toList();
  }

  private static CertificateIssue issue(CertificateReport report, String id) {
    return report.issues().stream()
        .filter(issue -> issue.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no issue " + id + " in " + report.issues()));
  }

  private static Duration days(long days) {
    return Duration.ofDays(days);
  }

  private static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String sha256(Issued issued) {
    return sha256Hex(issued.der());
  }

  /** The SHA-256 of the certificate's SubjectPublicKeyInfo, computed here on its own. */
  private static String spki(Issued issued) {
    return sha256Hex(issued.certificate().getPublicKey().getEncoded());
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
