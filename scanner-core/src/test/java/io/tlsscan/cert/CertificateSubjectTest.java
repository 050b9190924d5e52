package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateSubjectTest {
  private static final List<byte[]> SYSTEM_BUNDLE = systemBundle();

  @Test
  void readsTheSameSubjectAsTheJdkForEveryCertificateOfTheSystemBundle() throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (byte[] der : SYSTEM_BUNDLE) {
      X509Certificate parsed =
          (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));

      assertThat(CertificateSubject.of(der)).isEqualTo(parsed.getSubjectX500Principal());
    }
  }

  @Test
  void everyTruncationIsRejectedAsNotACertificate() {
    byte[] der = SYSTEM_BUNDLE.get(0);
    for (int length = 0; length < der.length; length++) {
      byte[] truncated = Arrays.copyOf(der, length);

      assertThatThrownBy(() -> CertificateSubject.of(truncated))
          .as("first %d of %d bytes", length, der.length)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("not a DER certificate");
    }
  }

  @Test
  void lengthsThatOverrunTheBufferAreRejected() {
    byte[] hugeLength = {0x30, (byte) 0x83, 0x7F, (byte) 0xFF, (byte) 0xFF, 0x30, 0x00};
    byte[] fiveLengthBytes = {0x30, (byte) 0x85, 0, 0, 0, 0, 2, 0x30, 0x00};
    byte[] notASequence = {0x04, 0x02, 0x30, 0x00};

    for (byte[] der : List.of(hugeLength, fiveLengthBytes, notASequence)) {
      assertThatThrownBy(() -> CertificateSubject.of(der))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The certificates of the first system bundle there is (Debian's, Fedora's, ...). */
  private static List<byte[]> systemBundle() {
    Path bundle =
        TrustAnchors.SYSTEM_BUNDLES.stream()
            .filter(Files::isReadable)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the tests need a system CA bundle"));
    try {
      return PemCertificates.decode(Files.readString(bundle, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
