package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {
  @TempDir Path dir;

  @Test
  void systemDefaultLoadsTheOperatingSystemBundle() throws Exception {
    TrustAnchors anchors = TrustAnchors.systemDefault();

    assertThat(anchors.size()).as("anchors from %s", anchors.source()).isGreaterThan(10);
  }

  @Test
  void systemDefaultFallsBackToTheJdkTrustStore() throws Exception {
    // Given no distribution bundle exists
    List<Path> bundles = List.of(dir.resolve("missing.crt"));

    // When the system default is loaded
    TrustAnchors anchors = TrustAnchors.systemDefault(bundles);

    // Then the JDK's cacerts is used
    assertThat(anchors.source()).isEqualTo("JDK trust store");
    assertThat(anchors.size()).isGreaterThan(10);
  }

  @Test
  void systemDefaultSkipsAnUnusableBundle() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.crt"), "");
    Path system = TrustAnchors.SYSTEM_BUNDLES.get(0);

    TrustAnchors anchors = TrustAnchors.systemDefault(List.of(empty, system));

    assertThat(anchors.source()).isEqualTo(system.toString());
  }

  @Test
  void pemFileWithTheSystemBundleLoadsEveryCertificate() throws Exception {
    Path system = TrustAnchors.SYSTEM_BUNDLES.get(0);
    String text = Files.readString(system, StandardCharsets.ISO_8859_1);
    long blocks = text.lines().filter(line -> line.equals("-----BEGIN CERTIFICATE-----")).count();

    TrustAnchors anchors = TrustAnchors.fromPemFile(system);

    assertThat(anchors.size()).isEqualTo(blocks);
    assertThat(anchors.certificates()).hasSize((int) blocks);
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("corp.pem");

    assertThatThrownBy(() -> TrustAnchors.fromPemFile(missing))
        .isInstanceOf(TrustAnchorsException.class)
        .hasMessage("CA file " + missing + " does not exist");
  }

  @Test
  void directoryIsRejected() {
    assertThatThrownBy(() -> TrustAnchors.fromPemFile(dir))
        .isInstanceOf(TrustAnchorsException.class)
        .hasMessage("CA file " + dir + " is a directory");
  }

  @Test
  void emptyFileHasNoCertificates() throws Exception {
    Path empty = Files.writeString(dir.resolve("corp.pem"), "");

    assertThatThrownBy(() -> TrustAnchors.fromPemFile(empty))
        .isInstanceOf(TrustAnchorsException.class)
        .hasMessage("no certificates found in " + empty);
  }

  @Test
  void binaryGarbageHasNoCertificates() throws Exception {
    Path garbage = Files.write(dir.resolve("corp.pem"), new byte[] {0x30, (byte) 0x82, 0, 1, 7});

    assertThatThrownBy(() -> TrustAnchors.fromPemFile(garbage))
        .isInstanceOf(TrustAnchorsException.class)
        .hasMessage("no certificates found in " + garbage);
  }

  @Test
  void garbledBlockIsNamedByNumberAndTheRestIsUsed() throws Exception {
    // Given a CA file with one good certificate and one that is not a certificate
    Path system = TrustAnchors.SYSTEM_BUNDLES.get(0);
    String good = firstBlock(Files.readString(system, StandardCharsets.ISO_8859_1));
    Path garbled =
        Files.writeString(
            dir.resolve("corp.pem"),
            good
                + "\n-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n"
                + "-----END CERTIFICATE-----\n");

    TrustAnchors anchors = TrustAnchors.fromPemFile(garbled);

    // Then the good one is an anchor, and the warning names the file and the bad one's number
    assertThat(anchors.size()).isEqualTo(1);
    assertThat(anchors.warnings())
        .singleElement(InstanceOfAssertFactories.STRING)
        .startsWith(
            "CA file " + garbled + ": certificate 2 is not used as a trust anchor: cannot be parsed");
  }

  @Test
  void fileWithoutAUsableCertificateIsRejected() throws Exception {
    Path garbled =
        Files.writeString(
            dir.resolve("corp.pem"),
            "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");

    assertThatThrownBy(() -> TrustAnchors.fromPemFile(garbled))
        .isInstanceOf(TrustAnchorsException.class)
        .hasMessageStartingWith(
            "no usable certificates in "
                + garbled
                + " (CA file "
                + garbled
                + ": certificate 1 is not used as a trust anchor: cannot be parsed");
  }

  @Test
  void badBase64IsNamed() throws Exception {
    Path garbled =
        Files.writeString(
            dir.resolve("corp.pem"),
            "-----BEGIN CERTIFICATE-----\nQUJD=\n===\n-----END CERTIFICATE-----\n");

    assertThatThrownBy(() -> TrustAnchors.fromPemFile(garbled))
        .isInstanceOf(TrustAnchorsException.class)
        .hasMessage("cannot read " + garbled + ": certificate 1 is not valid base64");
  }

  @Test
  void unterminatedBlockIsNamed() throws Exception {
    Path truncated =
        Files.writeString(dir.resolve("corp.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");

    assertThatThrownBy(() -> TrustAnchors.fromPemFile(truncated))
        .isInstanceOf(TrustAnchorsException.class)
        .hasMessage("cannot read " + truncated + ": certificate 1 has no END line");
  }

  private static String firstBlock(String pem) {
    int begin = pem.indexOf("-----BEGIN CERTIFICATE-----");
    String end = "-----END CERTIFICATE-----";
    return pem.substring(begin, pem.indexOf(end, begin) + end.length());
  }
}
