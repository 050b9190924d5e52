package io.tlsscan.model;

import java.util.List;

/**
 * The report's {@code session} section: what the server keeps and sends besides the certificate.
 *
 * @param ocsp the stapled OCSP response, judged; {@code null} when the server stapled none
 * @param scts every Signed Certificate Timestamp found, certificate's first, then the staple's
 */
public record SessionReport(OcspStaple ocsp, List<SignedTimestamp> scts) {
  public SessionReport {
    scts = List.copyOf(scts);
  }
}
