package io.tlsscan.probe.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import io.tlsscan.model.ErrorKind;
import io.tlsscan.model.ProtocolSupport;
import io.tlsscan.model.Weakness;
import io.tlsscan.model.WeaknessVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdicts that follow from accepted versions and suites, on hand-made probe results. */
class SuiteWeaknessesTest {
  private static final CipherInfo GCM =
      suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "x25519", null);
  private static final CipherInfo TLS13 = suite("TLS_AES_128_GCM_SHA256", "x25519", null);
  private static final CipherInfo AES_CBC = suite("TLS_RSA_WITH_AES_128_CBC_SHA", null, null);
  private static final CipherInfo TRIPLE_DES = suite("TLS_RSA_WITH_3DES_EDE_CBC_SHA", null, null);
  private static final CipherInfo IDEA = suite("TLS_RSA_WITH_IDEA_CBC_SHA", null, null);
  private static final CipherInfo RC4 = suite("TLS_RSA_WITH_RC4_128_SHA", null, null);
  private static final CipherInfo RSA_EXPORT =
      suite("TLS_RSA_EXPORT_WITH_DES40_CBC_SHA", null, 512);
  private static final CipherInfo DHE_EXPORT =
      suite("TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA", null, 512);
  private static final CipherInfo DHE_1024 =
      suite("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", null, 1024);
  private static final CipherInfo DHE_2048 =
      suite("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", null, 2048);

  private static CipherInfo suite(String name, String group, Integer kxBits) {
    return new CipherInfo(name, null, 128, "strong", group, kxBits);
  }

  /** SSLv2, SSLv3, TLSv1.0, TLSv1.1, TLSv1.2, TLSv1.3; {@code null} = unknown. */
  private static ProtocolSupport protocols(Boolean... accepted) {
    String[] names = {"SSLv2", "SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
    Map<String, Boolean> map = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], accepted[i]);
    }
    return new ProtocolSupport(map);
  }

  private static Map<Weakness, WeaknessVerdict> modern(List<CipherInfo> tls12) {
    return SuiteWeaknesses.of(
        protocols(false, false, false, false, true, true),
        new CipherSupport(Map.of("TLSv1.2", tls12, "TLSv1.3", List.of(TLS13)), true));
  }

  private static WeaknessVerdict yes() {
    return new WeaknessVerdict.Decided(true);
  }

  private static WeaknessVerdict no() {
    return new WeaknessVerdict.Decided(false);
  }

  @Test
  void modernServerWithOnlyAeadSuitesHasNoneOfTheWeaknesses() {
    Map<Weakness, WeaknessVerdict> verdicts = modern(List.of(GCM, DHE_2048));
    assertThat(verdicts)
        .containsOnlyKeys(
            Weakness.POODLE_SSL3,
            Weakness.SWEET32,
            Weakness.FREAK,
            Weakness.LOGJAM,
            Weakness.RC4,
            Weakness.BEAST,
            Weakness.DROWN,
            Weakness.LUCKY13);
    assertThat(verdicts.values()).allMatch(no()::equals);
  }

  @Test
  void poodleNeedsCbcOnSslv3AndBeastCbcOnSslv3OrTls10() {
    // Given SSLv3 with RC4 only, and TLS 1.0 with AES-CBC
    Map<Weakness, WeaknessVerdict> rc4OnSsl3 =
        SuiteWeaknesses.of(
            protocols(false, true, true, false, false, false),
            new CipherSupport(Map.of("SSLv3", List.of(RC4), "TLSv1.0", List.of(AES_CBC)), null));
    // Then POODLE is not claimed, BEAST is
    assertThat(rc4OnSsl3.get(Weakness.POODLE_SSL3)).isEqualTo(no());
    assertThat(rc4OnSsl3.get(Weakness.BEAST)).isEqualTo(yes());
    assertThat(rc4OnSsl3.get(Weakness.RC4)).isEqualTo(yes());
    // Given CBC on SSLv3
    Map<Weakness, WeaknessVerdict> cbcOnSsl3 =
        SuiteWeaknesses.of(
            protocols(false, true, false, false, false, false),
            new CipherSupport(Map.of("SSLv3", List.of(AES_CBC)), null));
    assertThat(cbcOnSsl3.get(Weakness.POODLE_SSL3)).isEqualTo(yes());
    assertThat(cbcOnSsl3.get(Weakness.BEAST)).isEqualTo(yes());
    // CBC on TLS 1.2 only is Lucky13 surface, not BEAST
    Map<Weakness, WeaknessVerdict> cbcOnTls12 = modern(List.of(GCM, AES_CBC));
    assertThat(cbcOnTls12.get(Weakness.BEAST)).isEqualTo(no());
    assertThat(cbcOnTls12.get(Weakness.LUCKY13)).isEqualTo(yes());
    assertThat(cbcOnTls12.get(Weakness.SWEET32)).isEqualTo(no());
  }

  @Test
  void sweet32IsAnySixtyFourBitBlockCipher() {
    assertThat(modern(List.of(GCM, TRIPLE_DES)).get(Weakness.SWEET32)).isEqualTo(yes());
    assertThat(modern(List.of(GCM, IDEA)).get(Weakness.SWEET32)).isEqualTo(yes());
    assertThat(modern(List.of(GCM, AES_CBC)).get(Weakness.SWEET32)).isEqualTo(no());
  }

  @Test
  void freakIsRsaExportAndLogjamIsDheExportOrASmallPrime() {
    Map<Weakness, WeaknessVerdict> rsaExport = modern(List.of(GCM, RSA_EXPORT));
    assertThat(rsaExport.get(Weakness.FREAK)).isEqualTo(yes());
    assertThat(rsaExport.get(Weakness.LOGJAM)).as("RSA export is not Logjam").isEqualTo(no());
    Map<Weakness, WeaknessVerdict> dheExport = modern(List.of(GCM, DHE_EXPORT));
    assertThat(dheExport.get(Weakness.LOGJAM)).isEqualTo(yes());
    assertThat(dheExport.get(Weakness.FREAK)).as("DHE export is not FREAK").isEqualTo(no());
    assertThat(modern(List.of(DHE_1024)).get(Weakness.LOGJAM)).isEqualTo(yes());
    assertThat(modern(List.of(DHE_2048)).get(Weakness.LOGJAM)).isEqualTo(no());
  }

  @Test
  void drownFollowsSslv2() {
    Map<Weakness, WeaknessVerdict> sslv2 =
        SuiteWeaknesses.of(
            protocols(true, false, false, false, true, false),
            new CipherSupport(Map.of("SSLv2", List.of(), "TLSv1.2", List.of(GCM)), null));
    assertThat(sslv2.get(Weakness.DROWN)).isEqualTo(yes());
  }

  @Test
  void anUnknownVersionLeavesANegativeUndecidedButNotAPositive() {
    // Given TLS 1.1 could not be told, TLS 1.2 accepts only GCM, TLS 1.0 accepts RC4
    Map<Weakness, WeaknessVerdict> verdicts =
        SuiteWeaknesses.of(
            protocols(null, false, true, null, true, false),
            new CipherSupport(Map.of("TLSv1.0", List.of(RC4), "TLSv1.2", List.of(GCM)), null));
    // Then what was seen is true, what could hide on TLS 1.1 is undecided, never false
    assertThat(verdicts.get(Weakness.RC4)).isEqualTo(yes());
    assertThat(verdicts.get(Weakness.SWEET32))
        .isEqualTo(
            new WeaknessVerdict.Undecided(
                ErrorKind.INCONCLUSIVE, "the suites of TLSv1.1 are not known"));
    assertThat(verdicts.get(Weakness.DROWN)).isInstanceOf(WeaknessVerdict.Undecided.class);
    assertThat(verdicts.get(Weakness.BEAST)).as("TLS 1.0 and SSLv3 are known").isEqualTo(no());
    assertThat(verdicts.get(Weakness.POODLE_SSL3)).isEqualTo(no());
  }

  @Test
  void anAcceptedVersionWithoutItsSuitesIsUndecided() {
    Map<Weakness, WeaknessVerdict> verdicts =
        SuiteWeaknesses.of(
            protocols(false, false, false, false, true, true),
            new CipherSupport(Map.of("TLSv1.3", List.of(TLS13)), null));
    assertThat(verdicts.get(Weakness.LUCKY13)).isInstanceOf(WeaknessVerdict.Undecided.class);
    assertThat(verdicts.get(Weakness.DROWN)).isEqualTo(no());
  }
}
