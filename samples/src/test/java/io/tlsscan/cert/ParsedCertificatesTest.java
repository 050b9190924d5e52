package io.tlsscan.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsscan.samples.pki.TestPki;
import io.tlsscan.samples.pki.TestPki.Issued;
import java.security.cert.CertificateException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ParsedCertificatesTest {
  private static final Issued ROOT = TestPki.certificate("CN=Cache Root").ca().selfSigned();
  private static final Issued OTHER = TestPki.certificate("CN=Other Root").ca().selfSigned();

  @Test
  void theSameEncodingIsParsedOnce() throws Exception {
    ParsedCertificates certificates = new ParsedCertificates(8);

    ParsedCertificate first = certificates.parse(ROOT.der());
    ParsedCertificate again = certificates.parse(ROOT.der());

    assertThat(again).isSameAs(first);
    assertThat(first.certificate()).isEqualTo(ROOT.certificate());
  }

  @Test
  void changingTheCallersBytesAfterwardsChangesNothing() throws Exception {
    ParsedCertificates certificates = new ParsedCertificates(8);
    byte[] der = ROOT.der();
    ParsedCertificate parsed = certificates.parse(der);

    Arrays.fill(der, (byte) 0);

    assertThat(parsed.der()).isEqualTo(ROOT.der());
    assertThat(certificates.parse(ROOT.der())).isSameAs(parsed);
  }

  @Test
  void onlyTheMostRecentlyUsedAreKept() throws Exception {
    ParsedCertificates certificates = new ParsedCertificates(1);
    ParsedCertificate root = certificates.parse(ROOT.der());

    certificates.parse(OTHER.der());

    assertThat(certificates.parse(ROOT.der())).isNotSameAs(root).isNotNull();
  }

  @Test
  void bytesThatAreNotACertificateFailEveryTime() {
    ParsedCertificates certificates = new ParsedCertificates(8);
    byte[] garbage = {0x30, 0x03, 0x02, 0x01, 0x01};

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> certificates.parse(garbage))
          .isInstanceOf(CertificateException.class);
    }
  }
}
