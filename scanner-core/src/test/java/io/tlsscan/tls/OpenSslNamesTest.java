package io.tlsscan.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The committed table of OpenSSL names against what the local {@code openssl} says. */
class OpenSslNamesTest {

  /** Code point to name, as {@code openssl ciphers -V} lists them on this machine. */
  private static Map<Integer, String> localOpenSsl() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("openssl", "ciphers", "-V", "ALL:COMPLEMENTOFALL:@SECLEVEL=0")
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    assertThat(process.waitFor()).as(output).isZero();
    Map<Integer, String> names = new LinkedHashMap<>();
    for (String line : output.lines().toList()) {
      String[] fields = line.trim().split("\\s+");
      String[] bytes = fields[0].split(",");
      int code = Integer.parseInt(bytes[0].substring(2), 16) << 8 | Integer.parseInt(bytes[1].substring(2), 16);
      names.put(code, fields[2]);
    }
    return names;
  }

  @Test
  void everySuiteBothKnowHasTheNameTheLocalOpenSslGivesIt() throws Exception {
    Map<Integer, String> local = localOpenSsl();
    int compared = 0;
    for (Map.Entry<Integer, String> entry : local.entrySet()) {
      Optional<CipherSuite> suite = CipherSuite.byCode(entry.getKey());
      if (suite.isPresent()) {
        assertThat(suite.get().openSslName()).as(suite.get().ianaName()).hasValue(entry.getValue());
        compared++;
      }
    }
    // OpenSSL 3.0 lists about 160 suites; nearly all are in the IANA registry tlsscan knows.
    assertThat(compared).isGreaterThan(100);
  }

  @Test
  void bothNamesFindTheSameSuiteAndSuitesOpenSslLacksHaveNoName() {
    assertThat(CipherSuite.byName("ECDHE-RSA-AES128-GCM-SHA256"))
        .hasValue(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    assertThat(CipherSuite.byName("ecdhe-rsa-aes128-gcm-sha256"))
        .hasValue(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256);
    assertThat(CipherSuite.byName("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256").orElseThrow().openSslName())
        .hasValue("ECDHE-RSA-AES128-GCM-SHA256");
    assertThat(CipherSuite.TLS_AES_128_GCM_SHA256.openSslName()).hasValue("TLS_AES_128_GCM_SHA256");
    // GOST and KRB5 suites are not in OpenSSL's default build.
    assertThat(CipherSuite.TLS_KRB5_WITH_DES_CBC_SHA.openSslName()).isEmpty();
    assertThat(CipherSuite.byName("NO-SUCH-SUITE")).isEmpty();
  }
}
