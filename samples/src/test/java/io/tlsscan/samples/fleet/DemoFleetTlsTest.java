package io.tlsscan.samples.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.samples.fleet.TestTlsClient.Outcome;
import io.tlsscan.samples.fleet.TestTlsClient.Outcome.Completed;
import io.tlsscan.samples.fleet.TestTlsClient.Outcome.Failed;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each TLS endpoint of the demo fleet serves the certificates and protocols its flaw promises. */
class DemoFleetTlsTest {
  private static DemoFleet fleet;
  private static TestTlsClient client;

  @BeforeAll
  static void startFleet() {
    fleet = DemoFleet.start();
    client = new TestTlsClient();
  }

  @AfterAll
  static void stopFleet() {
    client.close();
    fleet.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"good", "wildcard", "ip-san", "tls13-only"})
  void trustedEndpointsServeAChainThatValidatesAgainstTheDemoCa(String name) throws Exception {
    Completed handshake = completed(name);

    assertThat(handshake.chain()).as("leaf + intermediate").hasSize(2);
    assertThat(validatesAgainstDemoCa(handshake.chain())).as("PKIX with the demo CA").isTrue();
  }

  @Test
  void goodSpeaksTls13WithAnEcLeafAndAnswersHttp() throws Exception {
    Completed handshake = completed("good");

    assertThat(handshake.protocol()).isEqualTo("TLSv1.3");
    assertThat(handshake.leaf().getSubjectX500Principal().getName()).isEqualTo("CN=good.demo.test");
    assertThat(handshake.leaf().getPublicKey()).isInstanceOf(ECPublicKey.class);
    assertThat(handshake.chain().get(1).getIssuerX500Principal())
        .isEqualTo(fleet.caCertificate().getSubjectX500Principal());
    assertThat(handshake.reply()).startsWith("HTTP/1.1 200 OK").contains("good");
  }

  @Test
  void expiredLeafEndedThreeDaysAgo() throws Exception {
    X509Certificate leaf = completed("expired").leaf();

    long daysAgo = (System.currentTimeMillis() - leaf.getNotAfter().getTime()) / 86_400_000L;
    assertThat(daysAgo).isEqualTo(3);
  }

  @Test
  void notYetValidLeafStartsInTheFuture() throws Exception {
    assertThat(completed("not-yet-valid").leaf().getNotBefore()).isInTheFuture();
  }

  @Test
  void selfSignedServesOneCertificateThatIssuedItself() throws Exception {
    List<X509Certificate> chain = completed("self-signed").chain();

    assertThat(chain).hasSize(1);
    assertThat(chain.get(0).getIssuerX500Principal())
        .isEqualTo(chain.get(0).getSubjectX500Principal());
    chain.get(0).verify(chain.get(0).getPublicKey());
  }

  @Test
  void wrongHostServesATrustedCertificateForAnotherName() throws Exception {
    Completed handshake = completed("wrong-host");

    assertThat(dnsNames(handshake.leaf())).containsExactly("other.demo.test");
    assertThat(validatesAgainstDemoCa(handshake.chain())).isTrue();
  }

  @Test
  void missingIntermediateServesOnlyTheLeaf() throws Exception {
    List<X509Certificate> chain = completed("missing-intermediate").chain();

    assertThat(chain).hasSize(1);
    assertThat(chain.get(0).getIssuerX500Principal().getName())
        .isEqualTo("CN=tlsscan Demo Intermediate CA");
  }

  @Test
  void untrustedRootChainsToAnotherRoot() throws Exception {
    List<X509Certificate> chain = completed("untrusted-root").chain();

    assertThat(chain).hasSize(2);
    X509Certificate root = chain.get(1);
    assertThat(root.getSubjectX500Principal()).isEqualTo(root.getIssuerX500Principal());
    assertThat(root).isNotEqualTo(fleet.caCertificate());
    chain.get(0).verify(root.getPublicKey());
  }

  @Test
  void weakKeyLeafHasRsa1024() throws Exception {
    Completed handshake = completed("weak-key");

    assertThat(handshake.leaf().getPublicKey()).isInstanceOf(RSAPublicKey.class);
    assertThat(((RSAPublicKey) handshake.leaf().getPublicKey()).getModulus().bitLength())
        .isEqualTo(1024);
  }

  @Test
  void sha1LeafIsSignedWithSha1() throws Exception {
    assertThat(completed("sha1-signature").leaf().getSigAlgName()).isEqualTo("SHA1withECDSA");
  }

  @Test
  void noSanLeafNamesTheHostOnlyInItsCommonName() throws Exception {
    X509Certificate leaf = completed("no-san").leaf();

    assertThat(leaf.getSubjectAlternativeNames()).isNull();
    assertThat(leaf.getSubjectX500Principal().getName()).isEqualTo("CN=no-san.demo.test");
  }

  @Test
  void wildcardLeafCoversTheHostWithAWildcard() throws Exception {
    assertThat(fleet.endpoint("wildcard").host()).isEqualTo("www.wild.demo.test");
    assertThat(dnsNames(completed("wildcard").leaf())).containsExactly("*.wild.demo.test");
  }

  @Test
  void ipSanLeafNamesTheAddressScanned() throws Exception {
    DemoEndpoint endpoint = fleet.endpoint("ip-san");

    assertThat(endpoint.host()).isEqualTo(endpoint.address());
    assertThat(completed("ip-san").leaf().getSubjectAlternativeNames())
        .containsExactly(List.of(7, endpoint.address()));
  }

  @Test
  void misorderedChainSendsTheRootBeforeTheIntermediate() throws Exception {
    List<X509Certificate> chain = completed("misordered-chain").chain();

    assertThat(chain).hasSize(3);
    assertThat(chain.get(0).getSubjectX500Principal().getName())
        .isEqualTo("CN=misordered-chain.demo.test");
    assertThat(chain.get(1)).isEqualTo(fleet.caCertificate());
    assertThat(chain.get(2).getSubjectX500Principal())
        .isEqualTo(chain.get(0).getIssuerX500Principal());
    assertThat(validatesAgainstDemoCa(List.of(chain.get(0), chain.get(2)))).isTrue();
  }

  @Test
  void clientAuthRejectsAClientWithoutCertificateDuringTheHandshake() throws Exception {
    Outcome outcome = client.handshake(fleet.endpoint("client-auth"));

    assertThat(outcome).isInstanceOf(Failed.class);
    assertThat(((Failed) outcome).cause())
        .isInstanceOf(SSLException.class)
        .hasMessageContaining("HANDSHAKE_FAILURE");
  }

  @Test
  void tls10OnlySpeaksTls10AndNothingNewer() throws Exception {
    Completed handshake = completed("tls10-only");

    assertThat(handshake.protocol()).isEqualTo("TLSv1");
    assertThat(validatesAgainstDemoCa(handshake.chain())).isTrue();
    assertThat(client.handshake(fleet.endpoint("tls10-only"), "TLSv1.2", "TLSv1.3"))
        .isInstanceOf(Failed.class);
  }

  @Test
  void tls13OnlyRefusesTls12() throws Exception {
    assertThat(completed("tls13-only").protocol()).isEqualTo("TLSv1.3");
    assertThat(client.handshake(fleet.endpoint("tls13-only"), "TLSv1.2"))
        .isInstanceOf(Failed.class);
  }

  @Test
  void everyEndpointExpectedOkCompletesAHandshakeAndAnswersHttp() throws Exception {
    for (DemoEndpoint endpoint : fleet.endpoints()) {
      // A STARTTLS endpoint speaks its protocol first, the DTLS one UDP (their lines have a
      // scheme): DemoFleetScanTest scans them.
      boolean tlsAtOnce = !endpoint.hostLine().contains("://");
      if (endpoint.expected().ok() && tlsAtOnce) {
        Outcome outcome = client.handshake(endpoint);

        assertThat(outcome).as(endpoint.name()).isInstanceOf(Completed.class);
        assertThat(((Completed) outcome).reply()).as(endpoint.name()).startsWith("HTTP/1.1 200");
      }
    }
  }

  private static Completed completed(String name) throws Exception {
    Outcome outcome = client.handshake(fleet.endpoint(name));
    assertThat(outcome).as("handshake with " + name).isInstanceOf(Completed.class);
    return (Completed) outcome;
  }

  private static List<String> dnsNames(X509Certificate certificate) throws Exception {
    return certificate.getSubjectAlternativeNames().stream()
        .filter(name -> name.get(0).equals(2))
        .map(name -> (String) name.get(1))
        .toList();
  }

  /** PKIX validation of {@code chain} (leaf first, no root) with the demo CA as the only anchor. */
  private static boolean validatesAgainstDemoCa(List<X509Certificate> chain) throws Exception {
    PKIXParameters parameters =
        new PKIXParameters(Set.of(new TrustAnchor(fleet.caCertificate(), null)));
    parameters.setRevocationEnabled(false);
    parameters.setDate(new Date());
    try {
      CertPathValidator.getInstance("PKIX")
          .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
      return true;
    } catch (java.security.cert.CertPathValidatorException e) {
      return false;
    }
  }
}
