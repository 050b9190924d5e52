package io.tlsscan.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CipherSuiteTest {

  @Test
  void codePointsAreUniqueAndLookupsRoundTrip() {
    Set<Integer> codes = new HashSet<>();
    for (CipherSuite suite : CipherSuite.all()) {
      assertThat(codes.add(suite.code())).as("duplicate code of %s", suite).isTrue();
      assertThat(CipherSuite.byCode(suite.code())).contains(suite);
      assertThat(CipherSuite.byName(suite.ianaName())).contains(suite);
    }
    assertThat(codes).hasSizeGreaterThan(350);
  }

  @Test
  void knowsWellKnownCodePoints() {
    assertThat(CipherSuite.byCode(0xC02F))
        .contains(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    assertThat(CipherSuite.byCode(0x1301)).contains(CipherSuite.TLS_AES_128_GCM_SHA256);
    assertThat(CipherSuite.byCode(0x000A)).contains(CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA);
    assertThat(CipherSuite.byCode(0xCCA8))
        .contains(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256);
    assertThat(CipherSuite.byCode(0x0A0A)).as("GREASE is not a suite").isEmpty();
  }

  @Test
  void acceptsLegacySslNamesAndAnyCase() {
    assertThat(CipherSuite.byName("SSL_RSA_WITH_RC4_128_MD5"))
        .contains(CipherSuite.TLS_RSA_WITH_RC4_128_MD5);
    assertThat(CipherSuite.byName("tls_dh_anon_with_aes_128_cbc_sha"))
        .contains(CipherSuite.TLS_DH_anon_WITH_AES_128_CBC_SHA);
    assertThat(CipherSuite.byName("ECDHE-RSA-AES128-GCM-SHA257")).isEmpty();
  }

  @Test
  void describesTheParts() {
    CipherSuite suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384;

    assertThat(suite.keyExchange()).isEqualTo(KeyExchange.ECDHE);
    assertThat(suite.authentication()).isEqualTo(Authentication.ECDSA);
    assertThat(suite.cipher()).isEqualTo(BulkCipher.AES_CBC);
    assertThat(suite.bits()).isEqualTo(256);
    assertThat(suite.mac()).isEqualTo(MacAlgorithm.SHA384);
    assertThat(CipherSuite.TLS_DH_anon_WITH_AES_128_CBC_SHA.keyExchange())
        .isEqualTo(KeyExchange.DHE);
    assertThat(CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA.bits()).isEqualTo(112);
    assertThat(CipherSuite.TLS_RSA_EXPORT_WITH_RC4_40_MD5.export()).isTrue();
    assertThat(CipherSuite.TLS_RSA_EXPORT_WITH_RC4_40_MD5.bits()).isEqualTo(40);
  }

  @Test
  void versionsFollowTheSuiteKind() {
    assertThat(CipherSuite.TLS_AES_256_GCM_SHA384.versions())
        .containsExactly(ProtocolVersion.TLSv1_3);
    assertThat(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.versions())
        .containsExactly(ProtocolVersion.TLSv1_2);
    assertThat(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256.versions())
        .containsExactly(ProtocolVersion.TLSv1_2);
    assertThat(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.versions())
        .containsExactly(
            ProtocolVersion.SSLv3,
            ProtocolVersion.TLSv1_0,
            ProtocolVersion.TLSv1_1,
            ProtocolVersion.TLSv1_2);
    assertThat(CipherSuite.forVersion(ProtocolVersion.TLSv1_3))
        .contains(CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_CHACHA20_POLY1305_SHA256)
        .allMatch(s -> s.keyExchange() == KeyExchange.ANY);
    assertThat(CipherSuite.forVersion(ProtocolVersion.TLSv1_2)).noneMatch(CipherSuite::scsv);
    assertThat(CipherSuite.forVersion(ProtocolVersion.SSLv2)).isEmpty();
  }

  @Test
  void aDhePrimeOf2048BitsOrMoreLiftsOnlyTheDheReasonForWeakness() {
    CipherSuite dheGcm = CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256;
    assertThat(dheGcm.strength(0)).as("prime unknown").isEqualTo(CipherStrength.WEAK);
    assertThat(dheGcm.strength(1024)).isEqualTo(CipherStrength.WEAK);
    assertThat(dheGcm.strength(2048)).isEqualTo(CipherStrength.STRONG);
    assertThat(CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA.strength(4096))
        .as("still CBC with SHA-1")
        .isEqualTo(CipherStrength.WEAK);
    assertThat(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256.strength(4096))
        .as("no forward secrecy")
        .isEqualTo(CipherStrength.WEAK);
    assertThat(CipherSuite.TLS_DH_anon_WITH_AES_256_GCM_SHA384.strength(4096))
        .isEqualTo(CipherStrength.INSECURE);
    assertThat(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256.strength(0))
        .isEqualTo(CipherStrength.STRONG);
  }

  @Test
  void strengthFollowsTheBrief() {
    assertThat(CipherSuite.TLS_RSA_WITH_NULL_SHA256.strength()).isEqualTo(CipherStrength.INSECURE);
    assertThat(CipherSuite.TLS_DH_anon_WITH_AES_256_GCM_SHA384.strength())
        .isEqualTo(CipherStrength.INSECURE);
    assertThat(CipherSuite.TLS_RSA_EXPORT_WITH_DES40_CBC_SHA.strength())
        .isEqualTo(CipherStrength.INSECURE);
    assertThat(CipherSuite.TLS_ECDHE_RSA_WITH_RC4_128_SHA.strength())
        .isEqualTo(CipherStrength.INSECURE);
    assertThat(CipherSuite.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA.strength())
        .isEqualTo(CipherStrength.INSECURE);
    assertThat(CipherSuite.TLS_RSA_WITH_IDEA_CBC_SHA.strength()).isEqualTo(CipherStrength.INSECURE);
    assertThat(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA.strength())
        .isEqualTo(CipherStrength.WEAK);
    assertThat(CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256.strength())
        .isEqualTo(CipherStrength.WEAK);
    assertThat(CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256.strength())
        .isEqualTo(CipherStrength.WEAK);
    assertThat(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.strength())
        .isEqualTo(CipherStrength.STRONG);
    assertThat(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256.strength())
        .isEqualTo(CipherStrength.STRONG);
    assertThat(CipherSuite.TLS_AES_128_GCM_SHA256.strength()).isEqualTo(CipherStrength.STRONG);
    assertThat(CipherSuite.TLS_SHA256_SHA256.strength()).isEqualTo(CipherStrength.INSECURE);
    assertThat(CipherStrength.STRONG.wireName()).isEqualTo("strong");
  }

  @Test
  void signallingValuesAreFlagged() {
    assertThat(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.code()).isEqualTo(0x00FF);
    assertThat(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV.scsv()).isTrue();
    assertThat(CipherSuite.TLS_FALLBACK_SCSV.code()).isEqualTo(0x5600);
    assertThat(CipherSuite.TLS_FALLBACK_SCSV.scsv()).isTrue();
    assertThat(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.scsv()).isFalse();
  }

  @Test
  void sslv2SpecsHaveThreeByteCodes() {
    assertThat(Sslv2CipherSpec.byCode(0x0700C0))
        .contains(Sslv2CipherSpec.SSL_CK_DES_192_EDE3_CBC_WITH_MD5);
    assertThat(Sslv2CipherSpec.values()).allMatch(s -> s.strength() == CipherStrength.INSECURE);
  }
}
