package io.tlsscan.model;

import java.util.List;

/**
 * The report's {@code session} section: what the server keeps and sends besides the certificate.
 *
 * @param ocsp the stapled OCSP response, judged; {@code null} when the server stapled none
 * @param scts every Signed Certificate Timestamp found, certificate's first, then the staple's
 * @param alpn the application protocols the server accepts, of those offered one at a time, in
 *     offer order; {@code null} when an offer could not be decided ({@code alpnError} says why)
 * @param alpnError why {@code alpn} is {@code null}; {@code null} otherwise
 */
public record SessionReport(
    OcspStaple ocsp, List<SignedTimestamp> scts, List<String> alpn, String alpnError) {
  public SessionReport {
    scts = List.copyOf(scts);
    alpn = alpn == null ? null : List.copyOf(alpn);
  }
}
