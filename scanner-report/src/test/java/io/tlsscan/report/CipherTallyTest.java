package io.tlsscan.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsscan.model.CipherInfo;
import io.tlsscan.model.CipherSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CipherTallyTest {
  private static final CipherInfo STRONG =
      new CipherInfo("TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256", 128, "strong", null, null);
  private static final CipherInfo WEAK =
      new CipherInfo("TLS_RSA_WITH_3DES_EDE_CBC_SHA", "DES-CBC3-SHA", 112, "weak", null, null);
  private static final CipherInfo INSECURE =
      new CipherInfo("TLS_RSA_WITH_RC4_128_SHA", "RC4-SHA", 128, "insecure", null, null);

  @Test
  void theWorstSuiteDecidesTheWeakestStrength() {
    assertThat(tally(List.of(STRONG)).weakest()).isEqualTo("strong");
    assertThat(tally(List.of(STRONG, WEAK)).weakest()).isEqualTo("weak");
    assertThat(tally(List.of(WEAK, INSECURE, STRONG)).weakest()).isEqualTo("insecure");
  }

  @Test
  void noSuiteMeansNoStrength() {
    assertThat(CipherTally.of(new CipherSupport(Map.of(), null)).weakest()).isNull();
    assertThat(tally(List.of()).weakest()).isNull();
  }

  @Test
  void aSuiteUnderTwoVersionsCountsPerVersionButIsNamedOnce() {
    // Given RC4 accepted under TLS 1.0 and TLS 1.2
    Map<String, List<CipherInfo>> byVersion = new LinkedHashMap<>();
    byVersion.put("TLSv1.0", List.of(INSECURE, WEAK));
    byVersion.put("TLSv1.2", List.of(STRONG, INSECURE));
    CipherTally tally = CipherTally.of(new CipherSupport(byVersion, true));
    // Then each version counts it, and the insecure list names it once
    assertThat(tally.countByVersion())
        .containsExactly(Map.entry("TLSv1.0", 2), Map.entry("TLSv1.2", 2));
    assertThat(tally.insecure()).containsExactly("TLS_RSA_WITH_RC4_128_SHA (RC4-SHA)");
    assertThat(tally.weak()).containsExactly("TLS_RSA_WITH_3DES_EDE_CBC_SHA (DES-CBC3-SHA)");
  }

  @Test
  void anUndocumentedStrengthIsNeitherCountedNorRanked() {
    CipherInfo odd = new CipherInfo("TLS_X", null, 128, "medium", null, null);
    CipherTally tally = tally(List.of(odd));
    assertThat(tally.weakest()).isNull();
    assertThat(tally.insecure()).isEmpty();
    assertThat(tally.weak()).isEmpty();
    assertThat(tally.countByVersion()).containsEntry("TLSv1.2", 1);
  }

  private static CipherTally tally(List<CipherInfo> tls12) {
    return CipherTally.of(new CipherSupport(Map.of("TLSv1.2", tls12), null));
  }
}
