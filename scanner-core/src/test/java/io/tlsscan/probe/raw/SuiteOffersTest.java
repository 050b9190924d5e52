package io.tlsscan.probe.raw;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.tls.CipherSuite;
import io.tlsscan.tls.ClientHelloBuilder;
import io.tlsscan.tls.ProtocolVersion;
import io.tlsscan.tls.ServerResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteOffersTest {
  private static final List<ProtocolVersion> VERSIONS =
      List.copyOf(EnumSet.range(ProtocolVersion.SSLv3, ProtocolVersion.TLSv1_3));

  @Test
  void everySuiteAServerMayChooseIsOfferedOnceInHellosThatFit() {
    for (ProtocolVersion version : VERSIONS) {
      List<CipherSuite> offered = new ArrayList<>();
      SuiteOffers.chunks(version).forEach(offered::addAll);
      List<CipherSuite> choosable =
          CipherSuite.forVersion(version).stream()
              .filter(s -> s != CipherSuite.TLS_NULL_WITH_NULL_NULL)
              .filter(s -> !s.keyExchange().needsSharedSecret())
              .toList();
      assertThat(offered).as("%s", version).containsExactlyInAnyOrderElementsOf(choosable);
      assertThat(SuiteOffers.chunks(version))
          .as("%s", version)
          .allSatisfy(
              chunk ->
                  assertThat(chunk).hasSizeLessThanOrEqualTo(ClientHelloBuilder.MAX_CIPHER_SUITES));
    }
  }

  @Test
  void sslv3ToTls11FitInOneHello() {
    for (ProtocolVersion version :
        List.of(ProtocolVersion.SSLv3, ProtocolVersion.TLSv1_0, ProtocolVersion.TLSv1_1)) {
      assertThat(SuiteOffers.chunks(version)).as("%s", version).hasSize(1);
    }
  }

  @Test
  void suitesThatNeedAPreSharedKeyOrPasswordAreNeverOffered() {
    List<CipherSuite> offered = new ArrayList<>();
    SuiteOffers.chunks(ProtocolVersion.TLSv1_2).forEach(offered::addAll);

    assertThat(offered)
        .doesNotContain(
            CipherSuite.TLS_PSK_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_DHE_PSK_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_RSA_PSK_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_SRP_SHA_WITH_AES_128_CBC_SHA);
  }

  @Test
  void theFirstTls12HelloHoldsWhatCommonLibrariesImplement() {
    List<CipherSuite> first = SuiteOffers.chunks(ProtocolVersion.TLSv1_2).get(0);
    assertThat(first)
        .contains(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256,
            CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
            CipherSuite.TLS_RSA_WITH_NULL_SHA256,
            CipherSuite.TLS_DH_anon_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDH_anon_WITH_AES_128_CBC_SHA);
  }

  @Test
  void aBareCloseAfterAnOfferWithDheAndOtherSuitesOffersTheOthersAgain() {
    List<CipherSuite> offer =
        List.of(
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);

    assertThat(SuiteOffers.withoutDheAfterClose(new ServerResponse.Closed(), offer))
        .contains(
            List.of(
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256));
  }

  @Test
  void anAlertOrAnOfferWithoutDheOrWithOnlyDheIsNotOfferedAgain() {
    List<CipherSuite> mixed =
        List.of(
            CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);

    assertThat(SuiteOffers.withoutDheAfterClose(new ServerResponse.Alert(2, 40), mixed)).isEmpty();
    assertThat(
            SuiteOffers.withoutDheAfterClose(
                new ServerResponse.Closed(),
                List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)))
        .isEmpty();
    assertThat(
            SuiteOffers.withoutDheAfterClose(
                new ServerResponse.Closed(),
                List.of(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256)))
        .isEmpty();
  }
}
