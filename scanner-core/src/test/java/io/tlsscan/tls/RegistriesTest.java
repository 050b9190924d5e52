package io.tlsscan.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RegistriesTest {

  @Test
  void protocolVersionsUseReportNamesAndWireCodes() {
    assertThat(Arrays.stream(ProtocolVersion.values()).map(ProtocolVersion::reportName))
        .containsExactly("SSLv2", "SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    assertThat(ProtocolVersion.byWireCode(0x0303)).contains(ProtocolVersion.TLSv1_2);
    assertThat(ProtocolVersion.byWireCode(0x0305)).isEmpty();
    assertThat(ProtocolVersion.byReportName("TLSv1.0")).contains(ProtocolVersion.TLSv1_0);
    assertThat(ProtocolVersion.TLSv1_3.atLeast(ProtocolVersion.TLSv1_2)).isTrue();
  }

  @Test
  void namedGroupsKnowCodesNamesAndShareLengths() {
    assertThat(NamedGroup.byCode(0x11EC)).contains(NamedGroup.X25519_MLKEM768);
    assertThat(NamedGroup.X25519_MLKEM768.ianaName()).isEqualTo("X25519MLKEM768");
    assertThat(NamedGroup.X25519_MLKEM768.keyShareLength()).isEqualTo(1216);
    assertThat(NamedGroup.byCode(0x11EB)).contains(NamedGroup.SECP256R1_MLKEM768);
    assertThat(NamedGroup.X25519.keyShareLength()).isEqualTo(32);
    assertThat(NamedGroup.SECP256R1.keyShareLength()).isEqualTo(65);
    assertThat(NamedGroup.FFDHE2048.code()).isEqualTo(0x0100);
    assertThat(NamedGroup.byName("P-256")).contains(NamedGroup.SECP256R1);
    assertThat(NamedGroup.byName("X25519")).contains(NamedGroup.X25519);
    assertThat(NamedGroup.SECT163K1.deprecated()).isTrue();
    assertThat(NamedGroup.SECP384R1.deprecated()).isFalse();
    assertThat(Arrays.stream(NamedGroup.values()).map(NamedGroup::code).distinct())
        .hasSize(NamedGroup.values().length);
  }

  @Test
  void signatureSchemesAndAlertsUseIanaNames() {
    assertThat(SignatureScheme.byCode(0x0804)).contains(SignatureScheme.RSA_PSS_RSAE_SHA256);
    assertThat(SignatureScheme.ED25519.ianaName()).isEqualTo("ed25519");
    assertThat(SignatureScheme.tls13Default()).doesNotContain(SignatureScheme.DSA_SHA256);
    assertThat(AlertDescription.nameOf(40)).isEqualTo("handshake_failure");
    assertThat(AlertDescription.nameOf(70)).isEqualTo("protocol_version");
    assertThat(AlertDescription.nameOf(250)).isEqualTo("unknown(250)");
  }
}
