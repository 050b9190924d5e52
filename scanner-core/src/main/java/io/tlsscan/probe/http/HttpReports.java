package io.tlsscan.probe.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;
import io.tlsscan.cert.Names;
import io.tlsscan.model.Hsts;
import io.tlsscan.model.HttpReport;

/** The {@code http} section of one decoded response head. */
final class HttpReports {
  private static final AsciiString STRICT_TRANSPORT_SECURITY =
      AsciiString.cached("strict-transport-security");

  private HttpReports() {}

  static HttpReport of(HttpResponse response) {
    HttpHeaders headers = response.headers();
    int status = response.status().code();
    String location = status / 100 == 3 ? headers.get(HttpHeaderNames.LOCATION) : null;
    // RFC 6797 section 8.1: only the first Strict-Transport-Security header counts.
    String sts = headers.get(STRICT_TRANSPORT_SECURITY);
    Hsts hsts = null;
    String hstsError = null;
    if (sts != null) {
      HstsHeader header = HstsHeader.parse(sts);
      if (header instanceof HstsHeader.Valid valid) {
        hsts = valid.policy();
      } else if (header instanceof HstsHeader.Invalid invalid) {
        hstsError = invalid.reason();
      }
    }
    return new HttpReport(
        status, safe(location), safe(headers.get(HttpHeaderNames.SERVER)), hsts, hstsError);
  }

  private static String safe(String serverText) {
    return serverText == null ? null : Names.shorten(serverText);
  }
}
